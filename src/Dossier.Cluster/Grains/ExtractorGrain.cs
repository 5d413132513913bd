using Dossier.Cluster.Wire;
using Orleans.Concurrency;

namespace Dossier.Cluster.Grains;

/// <summary>The silo's extraction service as a grain: reentrant, so the articles the client sends it overlap and the
/// silo's <see cref="SiloWork"/> workers stay busy; stateless (the figures live in <see cref="SiloWork"/>).</summary>
[SiloPinned, Reentrant]
internal sealed class ExtractorGrain(SiloWork work) : Grain, IExtractorGrain
{
    public Task<ExtractReply> Extract(ExtractRequest request) => work.ExtractAsync(request);

    public Task<SiloFigures> Figures() => Task.FromResult(work.Figures());
}
