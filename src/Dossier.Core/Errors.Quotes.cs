namespace Dossier;

public static partial class Errors
{
    // --- quotes and claims (DSR240-DSR249) ---
    /// <summary>A line of a quotes-/claims- lexicon cannot be read (a build problem: the lexicon ships in the assembly).</summary>
    public static DossierError BadLexiconLine(string file, int line, string detail) =>
        new("DSR240", $"lexicon '{file}' line {line}: {detail}");
    /// <summary>A brat standoff annotation line cannot be read by the attribution evaluation.</summary>
    public static DossierError BadStandoffLine(string file, int line, string detail) =>
        new("DSR241", $"annotation file '{file}' line {line}: {detail}");
    /// <summary>The attribution evaluation was given something that is not a PolNeAR split (text/ and attributions/).</summary>
    public static DossierError NotAnAttributionSet(string path, string detail) =>
        new("DSR242", $"'{path}' is not an attribution set: {detail}");
}
