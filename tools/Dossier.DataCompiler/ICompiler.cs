namespace Dossier.DataCompiler;

/// <summary>One data compiler: reads from the shared data folder, writes compact files to the output folder.</summary>
/// <remarks>Found by reflection; add a class, no registration needed.</remarks>
public interface ICompiler
{
    /// <summary>Short name used on the command line ("gazetteer", "cameo").</summary>
    string Name { get; }
    /// <summary>Compiles; prints one line per file written.</summary>
    void Run(string sharedData, string output);
}
