namespace Dossier.Pipeline;

/// <summary>Registers a component class under the name used in pipeline strings ("ner", "timex").</summary>
/// <remarks>The class needs a public parameterless constructor. Order comes from the pipeline string, never from registration.</remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ComponentAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
