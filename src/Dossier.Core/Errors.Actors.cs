namespace Dossier;

public static partial class Errors
{
    // --- actors (DSR220-DSR229) ---
    /// <summary>An embedded actor data file has a line the loader cannot read (a build problem: rerun the data compiler).</summary>
    public static DossierError ActorDataLine(string file, int line, string detail) =>
        new("DSR220", $"actor data '{file}' line {line}: {detail}");
}
