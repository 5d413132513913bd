using Dossier.Documents;

namespace Dossier.Pipeline;

/// <summary>Collects components in an explicit order and checks that each one's requirements are met before it.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IComponent> _list = new();
    private readonly List<string> _names = new();

    /// <summary>Layers present before any component runs (set by the cleaner).</summary>
    public static readonly string[] Given = [Layers.Posts];

    /// <summary>Appends the components named in a config string ("segment+ner+timex").</summary>
    public PipelineBuilder Configure(string config)
    {
        foreach (var raw in config.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Add(ComponentRegistry.Create(raw));
            _names.Add(raw);
        }
        return this;
    }

    /// <summary>Appends a component.</summary>
    public PipelineBuilder Add(IComponent c) { _list.Add(c); return this; }

    /// <summary>Appends a component unless one of the same type is present.</summary>
    public PipelineBuilder AddIfNotAlready<T>(Func<T> make) where T : IComponent
    {
        if (!_list.OfType<T>().Any()) _list.Add(make());
        return this;
    }

    /// <summary>Inserts a component before the first component of type <typeparamref name="TBefore"/> (or at the end).</summary>
    public PipelineBuilder InsertBefore<TBefore>(IComponent c) where TBefore : IComponent
    {
        int i = _list.FindIndex(x => x is TBefore);
        if (i < 0) _list.Add(c); else _list.Insert(i, c);
        return this;
    }

    /// <summary>Checks requirements and freezes the pipeline.</summary>
    public DocumentPipeline Build()
    {
        var have = new HashSet<string>(Given);
        foreach (var c in _list)
        {
            foreach (var r in c.Info.Requires)
                if (!have.Contains(r))
                    throw new DossierException(Errors.PipelineRequirement(c.Info.Name, r));
            foreach (var a in c.Info.Assigns) have.Add(a);
        }
        return new DocumentPipeline(_list.ToArray(), string.Join("+", _list.Select(c => c.Info.Name)));
    }
}
