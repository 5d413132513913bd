using Dossier.Documents;

namespace Dossier.Pipeline;

/// <summary>What a component is and what it reads and writes. <see cref="Id"/> goes into every fact it produces.</summary>
public sealed record ComponentInfo(string Name, string Version, string[] Assigns, string[] Requires)
{
    /// <summary>"name@version": the provenance tag written into each fact's <c>by</c>.</summary>
    public string Id { get; } = $"{Name}@{Version}";
}

/// <summary>A pipeline stage. Implementations are immutable after construction and safe to call from many threads.</summary>
public interface IComponent
{
    ComponentInfo Info { get; }
    /// <summary>Adds this component's layer to the document.</summary>
    void Process(Document doc);
}
