using Dossier.Cluster.Wire;

namespace Dossier.Cluster.Grains;

/// <summary>A silo's extraction service: one activation per silo, keyed by the silo's address
/// (<see cref="SiloPinnedPlacement"/>), so the client decides which silo an article goes to.</summary>
public interface IExtractorGrain : IGrainWithStringKey
{
    /// <summary>Cleans one raw article and runs the pipeline on it (never throws for a bad article: the reply carries the coded error).</summary>
    Task<ExtractReply> Extract(ExtractRequest request);

    /// <summary>The silo's figures since it started.</summary>
    Task<SiloFigures> Figures();
}
