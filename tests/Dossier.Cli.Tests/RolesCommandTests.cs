namespace Dossier.Tests;

/// <summary><c>dossier roles POST</c> and the occupancies in <c>dossier actor</c>.</summary>
public sealed class RolesCommandTests() : CliTestBase("dossier-roles-")
{
    [Fact]
    public void HoldersOfAPostOverTime()
    {
        var texts = new[]
        {
            "date 2020-03-01\nSyria's President Bashar al-Assad met Russian officials in Damascus.\n",
            "date 2023-05-19\nSyrian President Bashar al-Assad attended the Arab League summit.\n",
            "date 2025-02-12\nSyria's self-declared President Ahmad al-Sharaa spoke to Putin, weeks after former Syrian President Bashar al-Assad fled.\n",
        };
        var files = texts.Select((t, i) => { var f = Path.Combine(Dir, $"{i}.txt"); File.WriteAllText(f, t); return f; }).ToArray();
        var db = Path.Combine(Dir, "r.db");
        Assert.Equal(0, Dossier(["ingest", .. files, "--db", db]).Code);

        var (code, output, _) = Dossier("roles", "President of Syria", "--db", db);
        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("Bashar al-Assad: President of Syria 2020-03-01 → ≤2025-02-12 (last seen 2023-05-19)  — 3 article(s)", lines[0]);
        Assert.Contains("Ahmad al-Sharaa: President of Syria (self-declared) 2025-02-12 → present  — 1 article(s)", lines[1]);

        var dossier = Dossier("actor", "Bashar al-Assad", "--db", db).Out;
        Assert.Contains("President of Syria 2020-03-01 → ≤2025-02-12 (last seen 2023-05-19)", dossier);
        Assert.Contains("no holder", Dossier("roles", "King of Mars", "--db", db).Out);
    }
}
