using Dossier.Documents;

namespace Dossier.Pipeline;

/// <summary>A frozen, ordered list of components. Built once (see <see cref="PipelineBuilder"/>), reusable across threads.</summary>
public sealed class DocumentPipeline
{
    /// <summary>The default pipeline string used by the CLI, the web app and the tests.</summary>
    public const string DefaultConfig = "segment+syntax+ner+actors+timex+quotes+claims+events";

    private readonly IComponent[] _components;

    internal DocumentPipeline(IComponent[] components, string config)
    {
        _components = components;
        Config = config;
    }

    /// <summary>The pipeline string this was built from.</summary>
    public string Config { get; }
    public IReadOnlyList<IComponent> Components => _components;

    /// <summary>Runs every component in order on the document (checking its time budget before each).</summary>
    public Document Process(Document doc)
    {
        foreach (var c in _components)
        {
            doc.CheckBudget(c.Info.Name);
            c.Process(doc);
        }
        return doc;
    }

    /// <summary>Builds a pipeline from a config string such as "segment+ner+timex".</summary>
    public static DocumentPipeline FromConfig(string config) => new PipelineBuilder().Configure(config).Build();

    private static readonly Lazy<DocumentPipeline> _default = new(() => FromConfig(string.Join("+",
        DefaultConfig.Split('+').Where(ComponentRegistry.Contains))));
    /// <summary>The default pipeline, built once, of the default components this build has (a test checks it has them all).</summary>
    public static DocumentPipeline Default => _default.Value;
}
