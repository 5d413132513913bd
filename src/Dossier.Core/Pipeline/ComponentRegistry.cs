namespace Dossier.Pipeline;

/// <summary>Maps the component names used in pipeline strings to factories.</summary>
/// <remarks>Registration happens once in the static constructor; the registry is read-only afterwards.</remarks>
public static class ComponentRegistry
{
    private static readonly Dictionary<string, Func<IComponent>> Factories = new(StringComparer.OrdinalIgnoreCase);

    static ComponentRegistry()
    {
        Builtins.RegisterAll(Register);
    }

    /// <summary>Names of every registered component.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>Registers a factory under a name.</summary>
    public static void Register(string name, Func<IComponent> factory) => Factories[name] = factory;

    /// <summary>Creates a component by name.</summary>
    public static IComponent Create(string name) =>
        Factories.TryGetValue(name, out var f) ? f() : throw new DossierException(Errors.UnknownComponent(name, Names));
}
