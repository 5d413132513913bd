namespace Dossier;

// Messages of the time-expression tagger and its evaluation (DSR230–DSR239).
public static partial class Errors
{
    /// <summary>A line of a time-*.txt resource cannot be parsed.</summary>
    public static DossierError TimeRuleSyntax(string file, int line, string detail) =>
        new("DSR230", $"{file} line {line}: {detail}");
    /// <summary>A rule calls a normalisation function that does not exist.</summary>
    public static DossierError TimeUnknownFunction(string file, int line, string name) =>
        new("DSR231", $"{file} line {line}: unknown normalisation function '{name}'");
    /// <summary>A rule names a word-list section or built-in class that does not exist.</summary>
    public static DossierError TimeUnknownClass(string file, int line, string name) =>
        new("DSR232", $"{file} line {line}: unknown word class '{name}'");
    /// <summary>A TimeML file cannot be read for evaluation.</summary>
    public static DossierError TimeMlUnreadable(string path, string detail) =>
        new("DSR233", $"cannot read TimeML file '{path}': {detail}");
    /// <summary>An evaluation folder holds no TimeML files.</summary>
    public static DossierError TimeMlNoFiles(string dir) =>
        new("DSR234", $"no .tml files under '{dir}'");
}
