using System.Reflection;

namespace Dossier.Pipeline;

/// <summary>Maps the component names used in pipeline strings to factories.</summary>
/// <remarks>Built-in components carry <see cref="ComponentAttribute"/>; the registry finds them once, at first use, and is
/// read-only afterwards except for explicit <see cref="Register"/> calls (tests, plug-ins).</remarks>
public static class ComponentRegistry
{
    private static readonly Dictionary<string, Func<IComponent>> Factories = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lock Gate = new();

    static ComponentRegistry()
    {
        foreach (var t in typeof(ComponentRegistry).Assembly.GetTypes())
        {
            var a = t.GetCustomAttribute<ComponentAttribute>();
            if (a is null || !typeof(IComponent).IsAssignableFrom(t) || t.GetConstructor(Type.EmptyTypes) is null) continue;
            Factories[a.Name] = () => (IComponent)Activator.CreateInstance(t)!;
        }
    }

    /// <summary>Names of every registered component.</summary>
    public static IReadOnlyCollection<string> Names { get { lock (Gate) return Factories.Keys.Order().ToArray(); } }

    /// <summary>True when a component of that name is registered.</summary>
    public static bool Contains(string name) { lock (Gate) return Factories.ContainsKey(name); }

    /// <summary>Registers a factory under a name.</summary>
    public static void Register(string name, Func<IComponent> factory) { lock (Gate) Factories[name] = factory; }

    /// <summary>Creates a component by name.</summary>
    public static IComponent Create(string name)
    {
        Func<IComponent>? f;
        lock (Gate) Factories.TryGetValue(name, out f);
        return f is not null ? f() : throw new DossierException(Errors.UnknownComponent(name, Names));
    }
}
