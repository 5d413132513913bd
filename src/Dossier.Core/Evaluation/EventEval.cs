using System.Text.Json;
using Dossier.Documents;
using Dossier.Extraction.Events;
using Dossier.Extraction.Syntax;
using Dossier.Pipeline;
using Dossier.Text;

namespace Dossier.Evaluation;

/// <summary>One PLOVER gold-standard record: the sentence, its gold category (0.5b1 labels) and actor texts and codes.</summary>
public sealed record GsrRecord(string Id, string Text, string Event, IReadOnlyList<(string Text, string Code)> Source,
    IReadOnlyList<(string Text, string Code)> Target);

/// <summary>Scores of an event-coding run over the GSR records.</summary>
/// <param name="Records">Records scored.</param>
/// <param name="Coded">Records where at least one event was coded.</param>
/// <param name="TopCorrect">Records whose first coded event has the gold category (after mapping to 0.5b1 labels).</param>
/// <param name="AnyCorrect">Records where some coded event has the gold category.</param>
/// <param name="SourceChecked">Records with a gold source and a coded top event with a source.</param>
/// <param name="SourceAgree">Of those, top-event source equals a gold source.</param>
/// <param name="TargetChecked">Records with a gold target and a coded top event with a target.</param>
/// <param name="TargetAgree">Of those, top-event target equals a gold target.</param>
public sealed record EventScores(int Records, int Coded, int TopCorrect, int AnyCorrect, int SourceChecked, int SourceAgree,
    int TargetChecked, int TargetAgree)
{
    /// <summary>Top-event category accuracy over all records.</summary>
    public double TopAccuracy => Records == 0 ? 0 : (double)TopCorrect / Records;
    /// <summary>Top-event category accuracy over the records where something was coded.</summary>
    public double TopPrecision => Coded == 0 ? 0 : (double)TopCorrect / Coded;
    /// <summary>Share of records with any event of the gold category.</summary>
    public double AnyAccuracy => Records == 0 ? 0 : (double)AnyCorrect / Records;
    /// <summary>Source agreement where checkable.</summary>
    public double SourceAgreement => SourceChecked == 0 ? 0 : (double)SourceAgree / SourceChecked;
    /// <summary>Target agreement where checkable.</summary>
    public double TargetAgreement => TargetChecked == 0 ? 0 : (double)TargetAgree / TargetChecked;

    /// <inheritdoc/>
    public override string ToString() =>
        $"records {Records}, coded {Coded} ({(Records == 0 ? 0 : 100.0 * Coded / Records):F1}%), top-event category accuracy {100 * TopAccuracy:F1}% " +
        $"(precision on coded {100 * TopPrecision:F1}%), any-event {100 * AnyAccuracy:F1}%, source agreement {SourceAgree}/{SourceChecked} " +
        $"({100 * SourceAgreement:F1}%), target agreement {TargetAgree}/{TargetChecked} ({100 * TargetAgreement:F1}%)";
}

/// <summary>
/// Evaluates event coding on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.shared.json, PLOVER 0.5b1 labels).
/// </summary>
/// <remarks>
/// Two modes: <see cref="ScoreWithGoldActors"/> gives the coder the gold actors as entities (measures event coding alone);
/// <see cref="ScoreWithPipeline"/> runs a whole pipeline on the raw sentence (measures the system). Predicted categories are
/// mapped from CAMEO to the 0.5b1 label set (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE) before comparing.
/// </remarks>
public static class EventEval
{
    /// <summary>The kinds of event gold file <c>eval events</c> reads.</summary>
    public enum GoldFormat { PloverGsr, PetrarchRecords }

    /// <summary>Which kind of event gold file <paramref name="path"/> is, from its first character ('[': PLOVER GSR, a JSON
    /// array; '{': PETRARCH records, one JSON object per line); anything else is refused (DSR252), as is a file over
    /// <see cref="Limits.MaxInputBytes"/> (DSR104).</summary>
    public static GoldFormat Detect(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new DossierException(Errors.NotEventGold(path, "no such file"));
        if (info.Length > Limits.MaxInputBytes) throw new DossierException(Errors.TooLarge(info.Length, Limits.MaxInputBytes));
        using var r = new StreamReader(path);
        int c;
        while ((c = r.Read()) >= 0 && char.IsWhiteSpace((char)c)) { }
        return c switch
        {
            '[' => GoldFormat.PloverGsr,
            '{' => GoldFormat.PetrarchRecords,
            < 0 => throw new DossierException(Errors.NotEventGold(path, "the file is empty")),
            _ => throw new DossierException(Errors.NotEventGold(path, $"it starts with '{(char)c}'")),
        };
    }

    /// <summary>Reads the GSR records (skipping the DOCUMENT header).</summary>
    public static List<GsrRecord> Load(string path) =>
        Load(path, (i, e) => throw new DossierException(e));

    /// <summary>Reads the GSR records; a record without text or event is reported with its position in the array (from
    /// 1) and skipped; a file that is not a JSON array is refused (DSR252).</summary>
    public static List<GsrRecord> Load(string path, Action<int, DossierError> report)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { MaxDepth = Limits.MaxJsonDepth }); }
        catch (JsonException x) { throw new DossierException(Errors.NotEventGold(path, x.Message)); }
        using var _ = doc;
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new DossierException(Errors.NotEventGold(path, "not a JSON array"));
        var list = new List<GsrRecord>();
        int n = 0;
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            n++;
            if (r.ValueKind != JsonValueKind.Object) { report(n, Errors.BadEventGoldRecord("not an object")); continue; }
            string ev = Str(r, "event");
            if (ev == "DOCUMENT") continue;
            string text = Str(r, "text");
            if (text.Length == 0 || ev.Length == 0) { report(n, Errors.BadEventGoldRecord("no 'text' or 'event'")); continue; }
            list.Add(new GsrRecord(Str(r, "id"), text, ev, Actors(r, "source"), Actors(r, "target")));
        }
        return list;
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static List<(string, string)> Actors(JsonElement r, string name)
    {
        var l = new List<(string, string)>();
        if (r.TryGetProperty(name, out var arr) && arr.ValueKind == JsonValueKind.Array)
            foreach (var a in arr.EnumerateArray())
                if (a.ValueKind == JsonValueKind.Object)
                    l.Add((Str(a, "actorText"), Str(a, "code")));
        return l;
    }

    /// <summary>The PLOVER 0.5b1 label of a CAMEO code (the GSR's label set), or null for statements.</summary>
    public static string? Label05(string cameo)
    {
        if (cameo.Length < 2) return null;
        switch (cameo[..2])
        {
            case "01": return null;
            case "02": case "10": return "DEMAND";
            case "09": return "INVESTIGATE";
            case "11": return "DISAPPROVE";
            case "19": return "FIGHT";
        }
        return CameoTables.PloverOf(cameo).Category;
    }

    private static readonly SyntaxComponent Syntax = new();

    /// <summary>Scores the coder with the gold actors given as entities (one actor per gold code); the text is segmented
    /// and parsed first, as the coder needs.</summary>
    public static EventScores ScoreWithGoldActors(IEnumerable<GsrRecord> records, IComponent coder) =>
        Score(records, r =>
        {
            var d = new Document(r.Text);
            new Segmenter().Process(d);
            Syntax.Process(d);
            var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (text, code) in r.Source.Concat(r.Target))
            {
                if (text.Length == 0) continue;
                int at = r.Text.IndexOf(text, StringComparison.OrdinalIgnoreCase);
                if (at < 0 || d.Entities.Any(x => x.Start < at + text.Length && at < x.End)) continue;
                if (!byCode.TryGetValue(code, out int a))
                {
                    a = d.Actors.Count;
                    bool country = code.Length == 3 && code.All(char.IsAsciiLetterUpper) && code is not ("IGO" or "NGO" or "MNC");
                    // The gold code is what the actor layer would give: a country's ISO code, an IGO's sector.
                    var actor = new Actor { Id = "a" + (a + 1), Name = code, Type = country ? EntityType.GPE : EntityType.ORG, By = "gold" };
                    actor.Codes["cameo"] = code;
                    if (country) actor.Codes["iso3"] = code;
                    d.Actors.Add(actor);
                    byCode[code] = a;
                }
                d.Entities.Add(new EntityMention { Start = at, End = at + text.Length, Type = d.Actors[a].Type, Actor = a, By = "gold" });
            }
            d.Entities.Sort((x, y) => x.Start.CompareTo(y.Start));
            for (int i = 0; i < d.Entities.Count; i++) d.Actors[d.Entities[i].Actor].Mentions.Add(i);
            coder.Process(d);
            return d;
        }, (d, a, gold) => gold.Any(g => g.Code == d.Actors[a].Name));

    /// <summary>Scores a whole pipeline run on each sentence; actors match gold actors by name or alias text.</summary>
    public static EventScores ScoreWithPipeline(IEnumerable<GsrRecord> records, DocumentPipeline pipeline) =>
        Score(records, r => pipeline.Process(new Document(r.Text)), GsrScoring.Matches);

    private static EventScores Score(IEnumerable<GsrRecord> records, Func<GsrRecord, Document> run,
        Func<Document, int, IReadOnlyList<(string Text, string Code)>, bool> matches)
    {
        int n = 0, coded = 0, top = 0, any = 0, sc = 0, sa = 0, tc = 0, ta = 0;
        foreach (var r in records)
        {
            n++;
            var d = run(r);
            var events = d.Events.Where(e => Label05(e.Cameo) != null).OrderBy(e => e.TriggerStart).ToList();
            if (events.Count == 0) continue;
            coded++;
            var first = events[0];
            if (Label05(first.Cameo) == r.Event) top++;
            if (events.Any(e => Label05(e.Cameo) == r.Event)) any++;
            if (r.Source.Count > 0 && first.Source.Count > 0) { sc++; if (first.Source.Any(a => matches(d, a, r.Source))) sa++; }
            if (r.Target.Count > 0 && first.Target.Count > 0) { tc++; if (first.Target.Any(a => matches(d, a, r.Target))) ta++; }
        }
        return new EventScores(n, coded, top, any, sc, sa, tc, ta);
    }
}
