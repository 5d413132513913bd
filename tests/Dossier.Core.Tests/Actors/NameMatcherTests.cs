using System.Globalization;
using Dossier.Actors;
using Dossier.Testing;

namespace Dossier.Tests.Actors;

public class NameMatcherTests
{
    public static TheoryData<string, string, bool, bool> Pairs => new()
    {
        // a, b, person, same
        { "Bashar al-Assad", "Bashar Assad", true, true },
        { "Mohammed bin Salman", "bin Salman Mohammed", true, true },
        { "Mohammed bin Salman", "Mohammed ibn Salman", true, true },
        { "Hans J Friedrich", "Hans Joachim Friedrich", true, true },
        { "Emanuel Macron", "Emmanuel Macron", true, true },
        { "Frank Richter", "Frederik Richter", true, false },
        { "Hafez Makhlouf", "Rami Makhlouf", true, false },
        { "Angelo Cruz", "Angela Merkel", true, false },
        { "Deutsche Bank AG", "Deutsche Bank", false, true },
        { "Volkswagen Aktiengesellschaft", "Siemens Aktiengesellschaft", false, false },
        { "Ig0r Sech1n", "Igor Sechin", true, true },
        // transliterations (the list): one skeleton
        { "Abu Mohammad al-Jolani", "Abu Mohammed al-Julani", true, true },
        { "Abu Mohammad al-Golani", "Abu Muhammad al-Jawlani", true, true },
        { "Ahmad al-Sharaa", "Ahmed al-Shara'a", true, true },
        { "al-Qaeda in the Arabian Peninsula", "al-Qaida in the Arabian Peninsula", false, true },
        // family-origin names (nisbas) are different families
        { "Barzan Ibrahim al-Tikriti", "Barzan Ibrahim al-Dulaimi", true, false },
        // a slip of the keyboard is the same name; another real surname or given name is not
        { "Vladimir Putin", "Vladimir Pudin", true, true },
        { "Raul Castro", "Raul Castillo", true, false },
        { "Tiger Woods", "Tigran Woods", true, false },
        { "Anthony Albanese", "Anthony Albano", true, false },
        { "Sergey Viktorovich Lavrov", "Sergey Borisovich Lavrov", true, false },
        // short forms, initials, names run together, more of the name written
        { "Bill Clinton", "William Clinton", true, true },
        { "Ben Netanyahu", "Benjamin Netanyahu", true, true },
        { "JC Juncker", "Jean-Claude Juncker", true, true },
        { "N.N.", "Nursultan Nazarbayev", true, false },
        { "Mohammadhasni Khan", "Mohammad Hasni Khan", true, true },
        { "Anjem Choudary", "Anjem Iftikhar Choudary Mahmood", true, true },
        { "Muhammad al-Ahdal", "Mohammad Hamdi Mohammad Sadiq al-Ahdal", true, false },
        // organisations: legal forms written out, weak words, extra distinctive words, acronyms, numbers in words
        { "Stripe LLC", "Stripe Limited Liability Company", false, true },
        { "Volkswagen GmbH", "Volkswagen Gesellschaft mit beschränkter Haftung", false, true },
        { "Faberlic", "Faberlic Europe Sp. z o.o.", false, true },
        { "Deutsche Bank", "Deutsche Bank Trust Company", false, false },
        { "People's Liberation Army", "PLA China", false, true },
        { "Three Percenters", "3 Percenters", false, true },
        { "Brigade Forty-four", "Brigade 44", false, true },
        // names in Chinese, Japanese or Korean characters are compared as written
        { "高市早苗", "高石早苗", true, false },
        { "김정은", "김정은", true, true },
    };

    [Theory, MemberData(nameof(Pairs))]
    public void Pair(string a, string b, bool person, bool same)
    {
        Assert.Equal(same, NameMatcher.Same(a, b, person));
        Assert.Equal(NameMatcher.Score(a, b, person), NameMatcher.Score(b, a, person), 6);
    }

    [Fact]
    public void JaroWinklerKnownValues()
    {
        Assert.Equal(0.961, NameMatcher.JaroWinkler("MARTHA", "MARHTA"), 3);
        Assert.Equal(0.840, NameMatcher.JaroWinkler("DWAYNE", "DUANE"), 3);
        Assert.Equal(1.0, NameMatcher.JaroWinkler("putin", "putin"), 6);
    }

    /// <summary>P/R/F1 on the nomenklatura dev pairs (its own matcher: F1 0.790 over all pairs; ours 0.816 before issue 5, 0.938 after); fails below a floor.</summary>
    [SharedDataFact("name-matching", "pairs.dev.csv")]
    public void NomenklaturaDevPairs()
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var row in ReadCsv(SharedData.File("name-matching", "pairs.dev.csv")!).Skip(1))
        {
            if (row.Count < 5) continue;
            bool person = row[1] == "Person";
            bool gold = row[4] == "true";
            bool got = NameMatcher.Same(row[2], row[3], person);
            if (got && gold) tp++; else if (got) fp++; else if (gold) fn++; else tn++;
        }
        double p = tp / (double)Math.Max(1, tp + fp), r = tp / (double)Math.Max(1, tp + fn), f = 2 * p * r / Math.Max(1e-9, p + r);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"name-matching dev: P {p:F3} R {r:F3} F1 {f:F3} (tp {tp} fp {fp} fn {fn} tn {tn})"));
        Assert.True(f >= 0.90, $"F1 {f:F3} below the 0.90 floor (0.938 when set)");
    }

    // Minimal RFC 4180 reader (quoted fields with commas and doubled quotes).
    private static IEnumerable<List<string>> ReadCsv(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var row = new List<string>();
            var cur = new System.Text.StringBuilder();
            bool q = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (q)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cur.Append('"'); i++; }
                    else if (c == '"') q = false;
                    else cur.Append(c);
                }
                else if (c == '"') q = true;
                else if (c == ',') { row.Add(cur.ToString()); cur.Clear(); }
                else cur.Append(c);
            }
            row.Add(cur.ToString());
            yield return row;
        }
    }
}
