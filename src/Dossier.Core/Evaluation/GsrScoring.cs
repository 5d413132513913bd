using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Evaluation;

/// <summary>Precision, recall and F1 from counts.</summary>
public readonly record struct Prf(int Tp, int Fp, int Fn)
{
    public double P => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);
    public double R => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);
    public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
    public static Prf operator +(Prf a, Prf b) => new(a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn);
    public override string ToString() => $"P {P:0.000}  R {R:0.000}  F1 {F1:0.000}  ({Tp} right, {Fp} extra, {Fn} missed)";
}

/// <summary>One coded event as the scorer saw it: its label, trigger and actor names, and whether its roles agree with gold.</summary>
public sealed record ScoredEvent(string Label, string Cameo, string Trigger, string Sources, string Targets, bool TypeRight, bool FullRight);

/// <summary>One gold record with what the system coded for it.</summary>
public sealed record ScoredRecord(GsrRecord Gold, IReadOnlyList<ScoredEvent> Events)
{
    /// <summary>The label of the first coded event (by trigger position), or null when nothing was coded.</summary>
    public string? First => Events.Count == 0 ? null : Events[0].Label;
    public bool TypeRight => Events.Any(e => e.TypeRight);
    public bool FullRight => Events.Any(e => e.FullRight);
}

/// <summary>The scores of a whole-pipeline run over PLOVER gold-standard records.</summary>
/// <remarks>
/// Every record states one gold event. The system's events for a record are its events that have a PLOVER 0.5b1 label
/// (statements have none) and are not negated. <b>Type</b>: the distinct labels the system coded; the gold label among
/// them is right, each other label is an extra, a gold label not among them is missed (so coding three types to be
/// sure of one costs precision). <b>Full</b>: the distinct (label, sources, targets) the system coded; one is right when
/// its label is gold's, a source names a gold source (or neither has one) and a target names a gold target (or gold
/// has none and the target is itself one of gold's sources: "A and B met" is coded A → B). <b>First</b>: the label of
/// the first coded event, the measure of the earlier figures.
/// </remarks>
public sealed record GsrReport(IReadOnlyList<ScoredRecord> Records)
{
    public Prf Type => Records.Aggregate(new Prf(), (s, r) =>
    {
        var labels = r.Events.Select(e => e.Label).Distinct().ToList();
        bool hit = labels.Contains(r.Gold.Event);
        return s + new Prf(hit ? 1 : 0, labels.Count - (hit ? 1 : 0), hit ? 0 : 1);
    });

    public Prf Full => Records.Aggregate(new Prf(), (s, r) =>
    {
        int distinct = r.Events.Select(e => (e.Label, e.Sources, e.Targets)).Distinct().Count();
        bool hit = r.FullRight;
        return s + new Prf(hit ? 1 : 0, distinct - (hit ? 1 : 0), hit ? 0 : 1);
    });

    public int Coded => Records.Count(r => r.Events.Count > 0);
    public int FirstRight => Records.Count(r => r.First == r.Gold.Event);

    /// <summary>Per gold label: type P/R/F1 counted as in <see cref="Type"/>, restricted to that label.</summary>
    public IReadOnlyList<(string Label, Prf Score)> PerLabel()
    {
        var labels = Records.Select(r => r.Gold.Event).Concat(Records.SelectMany(r => r.Events.Select(e => e.Label))).Distinct().Order(StringComparer.Ordinal);
        return labels.Select(l => (l, Records.Aggregate(new Prf(), (s, r) =>
        {
            bool coded = r.Events.Any(e => e.Label == l), gold = r.Gold.Event == l;
            return s + new Prf(coded && gold ? 1 : 0, coded && !gold ? 1 : 0, gold && !coded ? 1 : 0);
        }))).ToList();
    }

    /// <summary>The mean F1 over the labels that occur in gold.</summary>
    public double MacroF1
    {
        get
        {
            var gold = Records.Select(r => r.Gold.Event).ToHashSet();
            var l = PerLabel().Where(x => gold.Contains(x.Label)).ToList();
            return l.Count == 0 ? 0 : l.Average(x => x.Score.F1);
        }
    }

    /// <summary>Gold label → first coded label ("none" when nothing was coded) → count.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Confusion()
    {
        var m = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var r in Records)
        {
            if (!m.TryGetValue(r.Gold.Event, out var row)) m[r.Gold.Event] = row = new Dictionary<string, int>(StringComparer.Ordinal);
            var k = r.First ?? "none";
            row[k] = row.GetValueOrDefault(k) + 1;
        }
        return m;
    }
}

/// <summary>Scores a pipeline on PLOVER gold-standard records (<see cref="GsrReport"/> says how).</summary>
public static class GsrScoring
{
    public static GsrReport Run(IEnumerable<GsrRecord> records, DocumentPipeline pipeline) =>
        new(records.Select(r => Score(r, pipeline.Process(new Document(r.Text) { Id = r.Id }))).ToList());

    /// <summary>The scored events of one processed record.</summary>
    public static ScoredRecord Score(GsrRecord gold, Document d)
    {
        var list = new List<ScoredEvent>();
        foreach (var e in d.Events.Where(e => !e.Negated).OrderBy(e => e.TriggerStart))
        {
            if (EventEval.Label05(e.Cameo) is not { } label) continue;
            bool type = label == gold.Event;
            bool source = gold.Source.Count == 0 ? e.Source.Count == 0 : e.Source.Any(a => Matches(d, a, gold.Source));
            bool target = gold.Target.Count == 0
                ? e.Target.Count == 0 || e.Target.All(a => Matches(d, a, gold.Source))
                : e.Target.Any(a => Matches(d, a, gold.Target));
            list.Add(new ScoredEvent(label, e.Cameo, d.Text[e.TriggerStart..e.TriggerEnd], Names(d, e.Source), Names(d, e.Target),
                type, type && source && target));
        }
        return new ScoredRecord(gold, list);
    }

    private static string Names(Document d, List<int> actors) => string.Join(" + ", actors.Order().Select(a => d.Actors[a].Name));

    /// <summary>An actor names a gold actor when one's text contains the other's name or alias, or its CAMEO code
    /// starts with the gold code.</summary>
    public static bool Matches(Document d, int a, IReadOnlyList<(string Text, string Code)> gold)
    {
        var actor = d.Actors[a];
        return gold.Any(g => g.Text.Length > 0 && (Overlaps(g.Text, actor.Name) || actor.Aliases.Any(x => Overlaps(g.Text, x))
            || (actor.Codes.TryGetValue("cameo", out var c) && g.Code.Length > 0 && c.StartsWith(g.Code, StringComparison.Ordinal))));
    }

    private static bool Overlaps(string gold, string name) =>
        name.Length > 1 && (gold.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(gold, StringComparison.OrdinalIgnoreCase));
}
