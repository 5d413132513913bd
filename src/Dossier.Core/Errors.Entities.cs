namespace Dossier;

// Entity recognition (DSR210–DSR219).
public static partial class Errors
{
    /// <summary>A line of an embedded entity lexicon cannot be read (a build problem).</summary>
    public static DossierError BadNerLexicon(string file, string line) => new("DSR210", $"malformed line in entity lexicon '{file}': {line}");
    /// <summary>An evaluation corpus has no sentences in the expected layout.</summary>
    public static DossierError BadNerCorpus(string path) => new("DSR211", $"no sentences in NER corpus '{path}' (want CSV 'Sentence #,Word,POS,Tag')");
    /// <summary>A file given as an NER corpus is not one.</summary>
    public static DossierError BadNerCorpus(string path, string reason) => new("DSR211", $"{path}: not a GMB-format NER corpus: {reason}");
    /// <summary>A tagger model file cannot be read: not a model, damaged, or trained with other features.</summary>
    public static DossierError BadNerModel(string name, string reason) => new("DSR212", $"cannot load entity model '{name}': {reason}");
    /// <summary>Training data for the tagger is missing or unusable.</summary>
    public static DossierError BadNerTraining(string what, string reason) => new("DSR213", $"cannot train on '{what}': {reason}");
}
