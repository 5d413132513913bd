using System.Text;

namespace Dossier.DataCompiler;

/// <summary>Compiles the PETRARCH-2 discard list (Phoenix.discards.txt) into cameo-discards.txt: one phrase a line, lower case,
/// '+' for a story-level discard, a trailing '_' for a phrase that must end at a word boundary.</summary>
public sealed class CameoDiscardsCompiler : ICompiler
{
    public string Name => "cameo-discards";

    public void Run(string sharedData, string output)
    {
        string src = Path.Combine(sharedData, "petrarch2-cameo", "dictionaries", "Phoenix.discards.txt");
        string dest = Path.Combine(output, "cameo-discards.txt");
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(src))
        {
            var line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            bool story = line[0] == '+';
            var phrase = string.Join(' ', line.TrimStart('+').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
            if (phrase.Length < 2) continue;
            seen.Add((story ? "+" : "") + phrase);
        }
        using var w = new StreamWriter(dest, false, new UTF8Encoding(false));
        w.WriteLine("# cameo-discards: PETRARCH-2 Phoenix.discards.txt (openeventdata/petrarch2, MIT). '+' = discard the whole story;");
        w.WriteLine("# otherwise the sentence. A phrase matches at a word start, case-insensitively; without a trailing '_' it is a stem.");
        foreach (var s in seen) w.WriteLine(s);
        Console.WriteLine($"{dest}: {seen.Count} phrases");
    }
}
