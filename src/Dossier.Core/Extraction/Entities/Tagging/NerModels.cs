using Dossier.Resources;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>The entity tagger models shipped with Dossier (data/models, embedded in the assembly).</summary>
public static class NerModels
{
    /// <summary>File name of the default model: trained on GMB (per, org, geo, gpe) by <c>dossier train ner</c>.</summary>
    public const string DefaultName = "ner-gmb.bin.gz";

    private static readonly Lazy<TaggerModel> _default = new(() =>
    {
        using var s = EmbeddedData.OpenRaw(DefaultName);
        return TaggerModel.Load(s, DefaultName);
    });

    /// <summary>The default model, loaded on first use and shared by every thread.</summary>
    public static TaggerModel Default => _default.Value;

    /// <summary>Loads a model file (for <c>--model</c> options); a bad file gives DSR212.</summary>
    public static TaggerModel LoadFile(string path)
    {
        if (!File.Exists(path)) throw new DossierException(Errors.BadNerModel(path, "no such file"));
        using var s = File.OpenRead(path);
        return TaggerModel.Load(s, path);
    }
}
