using System.Text;

namespace Dossier.DataCompiler;

/// <summary>Copies cameo/goldstein.tsv (GDELT's CAMEO Goldstein scale) into goldstein.tsv with a provenance header.</summary>
public sealed class GoldsteinCompiler : ICompiler
{
    public string Name => "goldstein";

    public void Run(string sharedData, string output)
    {
        string src = Path.Combine(sharedData, "cameo", "goldstein.tsv");
        string dest = Path.Combine(output, "goldstein.tsv");
        int n = 0;
        using var w = new StreamWriter(dest, false, new UTF8Encoding(false));
        w.WriteLine("# goldstein: CAMEO code, Goldstein score (-10..+10). GDELT CAMEO.goldsteinscale.txt via mpiccirilli/UNDP-BCPR-Project@08d29bb");
        foreach (var line in File.ReadLines(src))
        {
            var p = line.Split('\t');
            if (p.Length < 2 || !p[0].All(char.IsAsciiDigit) || p[0].Length == 0) continue;
            w.WriteLine($"{p[0].Trim()}\t{p[1].Trim()}");
            n++;
        }
        Console.WriteLine($"{dest}: {n} codes");
    }
}
