namespace Dossier.Documents;

/// <summary>A typed key for ad-hoc data a component attaches to a document (instead of a string bag).</summary>
public sealed class DataKey<T>(string name)
{
    /// <summary>Name, for diagnostics.</summary>
    public string Name { get; } = name;
    public override string ToString() => Name;
}
