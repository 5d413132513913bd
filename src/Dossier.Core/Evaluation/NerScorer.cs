using System.Diagnostics;
using Dossier.Documents;
using Dossier.Extraction.Entities;
using Dossier.Pipeline;

namespace Dossier.Evaluation;

/// <summary>Counts of one entity type (or of all, micro-averaged) and the precision, recall and F1 they give.</summary>
public record NerTypeScore(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public virtual double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public virtual double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public override string ToString() => $"{Type,-6} P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (gold {Gold}, predicted {Predicted}, correct {Correct})";
}

/// <summary>One disagreement between the gold standard and the recogniser, for reading errors.</summary>
public sealed record NerError(int SentenceId, string Text, string Surface, string? GoldType, string? PredictedType);

/// <summary>The result of an evaluation run: per-type and micro scores, size and speed.</summary>
public sealed record NerReport(IReadOnlyList<NerTypeScore> PerType, NerTypeScore Micro, int Sentences, int Words, TimeSpan Elapsed, IReadOnlyList<NerError> Errors)
{
    /// <summary>Words processed per second by the pipeline under test (segmentation and recognition).</summary>
    public double WordsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Words / Elapsed.TotalSeconds;
    /// <summary>Predicted spans inside a corpus word (sub-word names such as "NATO" of "NATO-led"), left out of the scores.</summary>
    public int Unscorable { get; init; }
}

/// <summary>Scores an entity recogniser on a GMB-format corpus: entity-level exact span and type, CoNLL style.</summary>
/// <remarks>
/// Each sentence is rebuilt by joining its words with single spaces and run through the pipeline as its own document;
/// predicted char spans are mapped to the words they touch. Types map PERSON→per, ORG→org, GPE/LOC/FAC→geo, NORP→gpe unless it is a religious, political,
/// regional or ethnic group GMB leaves out;
/// only per, org, geo and gpe are scored (GMB's tim/art/eve/nat have no counterpart to compare fairly).
/// GMB puts titles inside person names ("President Bush"); with <c>gmbTitles</c> a predicted PERSON span is widened
/// over the title just before it (one title word, or "Prime Minister", "Vice President"), to compare like with like. Both figures are reported.
/// </remarks>
public static class NerScorer
{
    /// <summary>The scored GMB labels.</summary>
    public static readonly string[] Labels = ["per", "org", "geo", "gpe"];

    /// <summary>The GMB label an entity type is scored as, or null when the type is not scored.</summary>
    public static string? GmbLabel(EntityType t) => t switch
    {
        EntityType.PERSON => "per", EntityType.ORG => "org", EntityType.GPE or EntityType.LOC or EntityType.FAC => "geo",
        EntityType.NORP => "gpe", _ => null,
    };

    /// <summary>Scores <paramref name="pipeline"/> (which must assign entities) on the sentences.</summary>
    public static NerReport Score(IEnumerable<NerSentence> sentences, DocumentPipeline pipeline, bool gmbTitles = false, int keepErrors = 200)
    {
        var lex = NerLexicon.Instance;
        int unscorable = 0;
        var report = ScoreSpans(sentences, (s, starts, predSpans) =>
        {
            var doc = new Document(s.Text);
            pipeline.Process(doc);
            foreach (var e in doc.Entities)
            {
                var label = GmbLabel(e.Type);
                if (label is null) continue;
                // GMB's gpe is a country's people or adjective (Iraqi, British); religious, political and regional groups
                // (Shi'ite, Republican, European), which NORP also covers, are outside its entities.
                if (e.Type == EntityType.NORP && !GmbGroup(s.Text[e.Start..e.End])) continue;
                int a = WordAt(starts, e.Start), b = WordAt(starts, e.End - 1) + 1;
                // GMB words cannot hold a name inside a hyphenated word ("NATO-led"): such spans are not scorable.
                if (starts[a] != e.Start || starts[b - 1] + s.Words[b - 1].Word.Length != e.End) { unscorable++; continue; }
                // GMB keeps the title just before a name inside the person ("President Bush"); of a two-word title it
                // keeps both words more often than it splits them ("Prime Minister Tony Blair": 324 whole, 253 split in train).
                if (gmbTitles && e.Type == EntityType.PERSON && a > 0 && lex.Is(s.Words[a - 1].Word, Cue.TitleHead))
                {
                    a--;
                    if (a > 0 && s.Words[a - 1].Word is "Prime" or "Vice") a--;
                }
                predSpans.Add((a, b, label));
            }
        }, keepErrors);
        return report with { Unscorable = unscorable };
    }

    // Groups GMB leaves outside its entities (tagged O in nearly all of their uses in GMB train): religions and their
    // followers, sects, parties and ideologies, regions (European, Western, Soviet) and ethnic adjectives (Kurdish, Tamil).
    // Peoples of countries and continents (Iraqis, Chinese, Arabs, Africans) are its gpe.
    private static readonly HashSet<string> GmbNonGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        "Islam", "Islamic", "Islamist", "Islamists", "Muslim", "Muslims", "Christian", "Christians", "Christianity", "Jewish", "Jew",
        "Jews", "Judaism", "Catholic", "Catholics", "Catholicism", "Protestant", "Protestants", "Orthodox", "Hindu", "Hindus",
        "Hinduism", "Buddhist", "Buddhists", "Buddhism", "Sikh", "Sikhism", "Sunni", "Sunnis", "Shiite", "Shiites", "Shia",
        "Shi'ite", "Shi'ites", "Alawite", "Alawites", "Druze", "Salafist", "Salafi", "Jihadist", "Wahhabi", "Zionist", "Baathist",
        "Maoist", "Maoists", "Communist", "Communists", "Democrat", "Democrats", "Republican", "Republicans", "European", "Asian",
        "Western", "Westerners", "Soviet", "Latino", "Latinos", "Hispanic", "Kurd", "Kurds", "Kurdish", "Tamil", "Tamils", "Pashtun",
        "Pashtuns", "Uighur", "Uighurs", "Uyghur", "Uyghurs", "Hutu", "Tutsi",
    };

    // A NORP is a GMB gpe unless its last word is one of those groups.
    private static bool GmbGroup(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && !GmbNonGroups.Contains(words[^1]);
    }

    /// <summary>Scores a span predictor: for each sentence it adds (first word, end word, GMB label) spans to the set.</summary>
    /// <remarks>Sentences are rebuilt by joining words with single spaces; <c>starts</c> holds each word's char offset.
    /// Only the time spent in the predictor counts towards <see cref="NerReport.WordsPerSecond"/>.</remarks>
    public static NerReport ScoreSpans(IEnumerable<NerSentence> sentences, Action<NerSentence, int[], HashSet<(int, int, string)>> predict, int keepErrors = 200)
    {
        var gold = new Dictionary<string, int>(); var pred = new Dictionary<string, int>(); var ok = new Dictionary<string, int>();
        foreach (var l in Labels) { gold[l] = 0; pred[l] = 0; ok[l] = 0; }
        var errors = new List<NerError>();
        int nSent = 0, nWords = 0;
        var sw = new Stopwatch();
        var goldSpans = new HashSet<(int, int, string)>();
        var predSpans = new HashSet<(int, int, string)>();
        foreach (var s in sentences)
        {
            nSent++;
            nWords += s.Words.Length;
            var starts = new int[s.Words.Length];
            for (int i = 0, at = 0; i < s.Words.Length; i++) { starts[i] = at; at += s.Words[i].Word.Length + 1; }

            goldSpans.Clear();
            for (int i = 0; i < s.Words.Length; i++)
            {
                var tag = s.Words[i].Tag;
                if (!tag.StartsWith("B-", StringComparison.Ordinal)) continue;
                var label = tag[2..];
                int j = i + 1;
                while (j < s.Words.Length && s.Words[j].Tag == "I-" + label) j++;
                if (Array.IndexOf(Labels, label) >= 0) goldSpans.Add((i, j, label));
            }

            predSpans.Clear();
            sw.Start();
            predict(s, starts, predSpans);
            sw.Stop();
            predSpans.RemoveWhere(p => Array.IndexOf(Labels, p.Item3) < 0);

            foreach (var g in goldSpans) gold[g.Item3]++;
            foreach (var p in predSpans)
            {
                pred[p.Item3]++;
                if (goldSpans.Contains(p)) ok[p.Item3]++;
                else if (errors.Count < keepErrors)
                    errors.Add(new NerError(s.Id, s.Text, Words(s, p.Item1, p.Item2), GoldLabelOf(goldSpans, p.Item1, p.Item2), p.Item3));
            }
            foreach (var g in goldSpans)
                if (!predSpans.Contains(g) && errors.Count < keepErrors && !predSpans.Any(p => p.Item1 == g.Item1 && p.Item2 == g.Item2))
                    errors.Add(new NerError(s.Id, s.Text, Words(s, g.Item1, g.Item2), g.Item3, null));
        }
        if (nSent == 0) throw new DossierException(Dossier.Errors.BadNerCorpus("(empty)"));
        var per = Labels.Select(l => new NerTypeScore(l, gold[l], pred[l], ok[l])).ToList();
        var micro = new NerTypeScore("micro", per.Sum(x => x.Gold), per.Sum(x => x.Predicted), per.Sum(x => x.Correct));
        return new NerReport(per, micro, nSent, nWords, sw.Elapsed, errors);
    }

    private static string? GoldLabelOf(HashSet<(int, int, string)> gold, int a, int b)
    {
        foreach (var g in gold) if (g.Item1 == a && g.Item2 == b) return g.Item3;
        return null;
    }

    private static string Words(NerSentence s, int a, int b) => string.Join(" ", s.Words[a..b].Select(w => w.Word));

    internal static int WordAt(int[] starts, int offset)
    {
        int i = Array.BinarySearch(starts, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }
}
