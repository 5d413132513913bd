namespace Dossier;

// Syntax: tagging, lemmas, dependency parsing, CoNLL-U treebanks (DSR260-DSR269).
public static partial class Errors
{
    /// <summary>A file given as a treebank is not CoNLL-U.</summary>
    public static DossierError NotConllu(string path, string detail) => new("DSR260", $"{path}: not a CoNLL-U file: {detail}");
    /// <summary>One sentence of a CoNLL-U file cannot be read (it is skipped; reported as path:line).</summary>
    public static DossierError BadConlluSentence(string detail) => new("DSR261", $"malformed CoNLL-U sentence: {detail}");
    /// <summary>A parser model file cannot be read: not a model, damaged, or made with other features.</summary>
    public static DossierError BadSyntaxModel(string name, string reason) => new("DSR262", $"cannot load syntax model '{name}': {reason}");
    /// <summary>Training data for the tagger and parser is missing or unusable.</summary>
    public static DossierError BadSyntaxTraining(string what, string reason) => new("DSR263", $"cannot train on '{what}': {reason}");
}
