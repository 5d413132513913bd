namespace Dossier.Tests;

/// <summary><c>dossier actor merge|split|why|decisions</c> on a small database built from two articles.</summary>
public sealed class ActorDecisionCommandTests : CliTestBase
{
    private readonly string _db;

    public ActorDecisionCommandTests() : base("dossier-decisions-")
    {
        File.WriteAllText(Path.Combine(Dir, "a.txt"), "date 2025-02-10\nAbu Mohammad al-Jolani spoke in Idlib on Monday. Jolani said the fighters of Hayat Tahrir al-Sham would stay.\n");
        File.WriteAllText(Path.Combine(Dir, "b.txt"), "date 2025-02-12\nPresident Ahmad al-Sharaa met Turkish officials in Damascus on Tuesday. Sharaa said Syria would hold elections.\n");
        _db = Path.Combine(Dir, "d.db");
        var (code, _, err) = Dossier("ingest", Path.Combine(Dir, "a.txt"), Path.Combine(Dir, "b.txt"), "--db", _db);
        Assert.True(code == 0, err);
    }

    [Fact]
    public void SuggestionsListTheMatchersProposalsAndDismissTakesOneOff()
    {
        File.WriteAllText(Path.Combine(Dir, "p1.txt"), "date 2025-03-03\nPeter Trellingsen bought a second port on Friday, his advisers said.\n");
        File.WriteAllText(Path.Combine(Dir, "p2.txt"), "date 2025-03-05\nDock workers protested on Monday against a bid by Peter Trelingsen.\n");
        Assert.Equal(0, Dossier("ingest", Path.Combine(Dir, "p1.txt"), Path.Combine(Dir, "p2.txt"), "--db", _db).Code);
        var list = Dossier("actor", "suggestions", "--db", _db);
        Assert.Equal(0, list.Code);
        Assert.Matches(@"^0\.9\d\d  A\d+ Peter Trellingsen \[PERSON\] \(1 article\(s\)\)  ~  A\d+ Peter Trelingsen \[PERSON\]", list.Out);
        Assert.Contains("'Peter Trelingsen' and 'Peter Trellingsen' are alike", list.Out);
        Assert.Contains("possibly the same as (1", Dossier("actor", "Peter Trelingsen", "--db", _db).Out);
        Assert.Contains("no proposed merges", Dossier("actor", "suggestions", "--actor", "Ahmad al-Sharaa", "--db", _db).Out);

        var dismiss = Dossier("actor", "suggestions", "dismiss", "Peter Trelingsen", "Peter Trellingsen", "--note", "two men", "--db", _db);
        Assert.Equal(0, dismiss.Code);
        Assert.Matches(@"^dismissed: A\d+ Peter Trelingsen and A\d+ Peter Trellingsen stay apart", dismiss.Out);
        Assert.Contains("no proposed merges", Dossier("actor", "suggestions", "--db", _db).Out);
        Assert.Contains("[dismissed: two men]", Dossier("actor", "suggestions", "--dismissed", "--db", _db).Out);
        var again = Dossier("actor", "suggestions", "dismiss", "Peter Trelingsen", "Ahmad al-Sharaa", "--db", _db);
        Assert.NotEqual(0, again.Code);
        Assert.Contains("DSR421", again.Err);
    }

    [Fact]
    public void MergeThenWhyThenDecisions()
    {
        var before = Dossier("actor", "why", "Ahmad al-Sharaa", "Abu Mohammad al-Jolani", "--db", _db);
        Assert.Equal(0, before.Code);
        Assert.Contains("two actors", before.Out);

        var merge = Dossier("actor", "merge", "Ahmad al-Sharaa", "Abu Mohammad al-Jolani", "--note", "nom de guerre", "--db", _db);
        Assert.Equal(0, merge.Code);
        Assert.Matches(@"^merged A\d+ Abu Mohammad al-Jolani into A\d+ Ahmad al-Sharaa \(1 article\(s\) updated\)", merge.Out);

        var after = Dossier("actor", "why", "Jolani", "Sharaa", "--db", _db);
        Assert.Contains("one actor", after.Out);
        Assert.Contains("manual merge #1", after.Out);

        var dossier = Dossier("actor", "Jolani", "--db", _db);
        Assert.StartsWith("Ahmad al-Sharaa  [PERSON]", dossier.Out);

        var list = Dossier("actor", "decisions", "--db", _db);
        Assert.Contains("merge", list.Out);
        Assert.Contains("nom de guerre", list.Out);
    }

    [Fact]
    public void SplitTakesTheQuoteOfTheNameAndALaterArticleFollowsIt()
    {
        var split = Dossier("actor", "split", "Abu Mohammad al-Jolani", "Jolani", "--db", _db);
        Assert.Contains("with them 1 quote(s)", split.Out);
        var id = System.Text.RegularExpressions.Regex.Match(split.Out, @"new actor (A\d+)").Groups[1].Value;
        // "Jolani said …" in the first article is the new actor's quote, not Abu Mohammad al-Jolani's.
        Assert.Contains("quotes (1)", Dossier("actor", id, "--db", _db).Out);
        Assert.Contains("quotes (0)", Dossier("actor", "Abu Mohammad al-Jolani", "--db", _db).Out);
        // A later article names both; the pipeline makes them one actor there, and the split holds all the same.
        File.WriteAllText(Path.Combine(Dir, "c.txt"), "date 2025-02-14\nAbu Mohammad al-Jolani visited Aleppo on Friday. Jolani said the city was calm.\n");
        Assert.Equal(0, Dossier("ingest", Path.Combine(Dir, "c.txt"), "--db", _db).Code);
        var fresh = Dossier("actor", id, "--db", _db).Out;
        Assert.Contains("quotes (2)", fresh);
        Assert.Contains("the city was calm", fresh);
        var kept = Dossier("actor", "Abu Mohammad al-Jolani", "--db", _db).Out;
        Assert.Contains("quotes (0)", kept);
        Assert.DoesNotContain("  Jolani (", kept);
        // The exported records agree: both of Jolani's quotes name the new actor.
        var speakers = new List<string?>();
        foreach (var line in Dossier("export", "--db", _db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = System.Text.Json.JsonDocument.Parse(line).RootElement;
            var text = record.GetProperty("text").GetString()!;
            foreach (var q in record.GetProperty("quotes").EnumerateArray())
                if (text[q.GetProperty("start").GetInt32()..q.GetProperty("end").GetInt32()] is "the fighters of Hayat Tahrir al-Sham would stay" or "the city was calm")
                    speakers.Add(q.GetProperty("speaker").GetString());
        }
        Assert.Equal([id, id], speakers);
    }

    [Fact]
    public void WhyTakesIds()
    {
        var byName = Dossier("actor", "why", "Ahmad al-Sharaa", "Abu Mohammad al-Jolani", "--db", _db).Out;
        var ids = System.Text.RegularExpressions.Regex.Matches(byName, @"^'[^']+' is (A\d+)", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, ids.Length);
        var byId = Dossier("actor", "why", ids[0], ids[1], "--db", _db);
        Assert.Equal(0, byId.Code);
        Assert.Contains("name matcher on 'Ahmad al-Sharaa' and 'Abu Mohammad al-Jolani': ", byId.Out);
        Assert.Contains("keys 'ahmad sharaa' and 'abu mohammad jolani'", byId.Out);
        Assert.Contains("two actors", byId.Out);
    }

    [Fact]
    public void SplitAndItsErrors()
    {
        var split = Dossier("actor", "split", "Abu Mohammad al-Jolani", "Jolani", "--db", _db);
        Assert.Equal(0, split.Code);
        Assert.Matches(@"^split 'Jolani' off A\d+ Abu Mohammad al-Jolani: new actor A\d+ \(1 mention\(s\) in 1 article\(s\)\)", split.Out);
        // Asked again: nothing to do, and it says where the name went.
        var again = Dossier("actor", "split", "Abu Mohammad al-Jolani", "Jolani", "--db", _db);
        Assert.Equal(1, again.Code);
        Assert.Contains("DSR430", again.Err);
        Assert.Contains("already split off", again.Err);
        var notAName = Dossier("actor", "split", "Abu Mohammad al-Jolani", "Narnia", "--db", _db);
        Assert.Equal(1, notAName.Code);
        Assert.Contains("DSR405", notAName.Err);
        var unknown = Dossier("actor", "merge", "Nobody", "Sharaa", "--db", _db);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("DSR401", unknown.Err);
    }
}
