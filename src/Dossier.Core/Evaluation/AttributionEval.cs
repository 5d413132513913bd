using Dossier.Documents;

namespace Dossier.Evaluation;

/// <summary>One gold attribution from a brat standoff file: content fragments and the source span.</summary>
/// <param name="Content">Content fragments as [start, end) ranges (brat allows discontinuous spans).</param>
/// <param name="SourceStart">Start of the Source span, or -1 when the attribution has none.</param>
public sealed record GoldAttribution((int Start, int End)[] Content, int SourceStart, int SourceEnd, string ContentText)
{
    /// <summary>Number of content chars.</summary>
    public int Length => Content.Sum(f => f.End - f.Start);
    /// <summary>True when the content carries a quotation mark (a direct quote in whole or part).</summary>
    /// <summary>The cue words, when the file gives them (for error listings).</summary>
    public string? CueText { get; init; }
    public bool IsDirect => AttributionEval.HasQuoteMark(ContentText);
}

/// <summary>Scores quote extraction against attribution annotations (PolNeAR brat standoff).</summary>
/// <remarks>
/// Predicted quotes that share one cue in the text (a quote its frame interrupts: "…," he said, "…"), and a quote without
/// a cue of its own that continues the one before it (the same speaker mention), are one predicted attribution, as PolNeAR
/// annotates them. A predicted attribution matches a gold content span when their overlap is at
/// least <see cref="MinOverlap"/> of the gold span; matching is one to one, greedy by overlap. The speaker score is the share of matched pairs (gold with a Source)
/// whose predicted speaker span overlaps the gold Source span. Social quotes are scored like the others.
/// </remarks>
public sealed class AttributionEval
{
    /// <summary>Share of the gold content a prediction must cover.</summary>
    public const double MinOverlap = 0.5;

    /// <summary>Gold contents.</summary>
    public int Gold { get; private set; }
    /// <summary>Predicted quotes.</summary>
    public int Predicted { get; private set; }
    /// <summary>Matched pairs.</summary>
    public int Matched { get; private set; }
    /// <summary>Matched pairs whose gold has a source.</summary>
    public int WithSource { get; private set; }
    /// <summary>Of those, pairs whose predicted speaker overlaps the gold source.</summary>
    public int SpeakerHits { get; private set; }
    /// <summary>Gold contents with a quotation mark, and how many of them were matched.</summary>
    public int GoldDirect { get; private set; }
    public int MatchedDirect { get; private set; }
    /// <summary>Unmatched predictions lying at least half inside some gold content (a fragment of a quote the gold joins
    /// into one span, e.g. both halves of a quote interrupted by "he said").</summary>
    public int Fragments { get; private set; }
    /// <summary>Gold contents at least half covered by the union of the predictions (quotes split by their frame count once).</summary>
    public int CoveredByUnion { get; private set; }
    /// <summary>Gold attributions whose cue holds a reporting word of the quotes lexicon ("said", "according to"), and how many
    /// were matched: recall on speech, apart from PolNeAR's wider attributions (beliefs, endorsements, polls "showing").</summary>
    public int GoldSpeech { get; private set; }
    public int MatchedSpeech { get; private set; }
    /// <summary>Documents scored.</summary>
    public int Documents { get; private set; }
    /// <summary>Matched pairs (gold with a source) whose predicted speaker is the actor the gold source names (an entity of
    /// the source span resolved to it), and those right by span or by actor.</summary>
    public int SpeakerActorHits { get; private set; }
    public int SpeakerEitherHits { get; private set; }
    /// <summary>The same scores over direct quotes only: gold contents with a quotation mark against predicted quotes of
    /// kind direct, matched one to one by the same rule.</summary>
    public Tally Direct { get; } = new();
    /// <summary>Direct quotes missed and predicted direct quotes matching no gold direct quote, "doc: text".</summary>
    public List<string> DirectMisses { get; } = new();
    public List<string> DirectSpurious { get; } = new();

    /// <summary>Counts of one view of the scores (all attributions, or direct quotes only).</summary>
    public sealed class Tally
    {
        public int Gold { get; internal set; }
        public int Predicted { get; internal set; }
        public int Matched { get; internal set; }
        public int WithSource { get; internal set; }
        public int SpanHits { get; internal set; }
        public int ActorHits { get; internal set; }
        public int EitherHits { get; internal set; }
        public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
        /// <summary>Share of matched pairs (gold with a source) whose speaker span overlaps the gold source.</summary>
        public double BySpan => WithSource == 0 ? 0 : (double)SpanHits / WithSource;
        /// <summary>Share whose speaker is the actor the gold source resolves to.</summary>
        public double ByActor => WithSource == 0 ? 0 : (double)ActorHits / WithSource;
        /// <summary>Share right by span or by actor (the issue's speaker accuracy).</summary>
        public double Either => WithSource == 0 ? 0 : (double)EitherHits / WithSource;
    }
    /// <summary>Missed gold and unmatched predictions, "doc: text", up to <see cref="MaxExamples"/> each.</summary>
    public List<string> Misses { get; } = new();
    public List<string> Spurious { get; } = new();
    /// <summary>Matched quotes with the wrong speaker: "doc: predicted ≠ gold | content".</summary>
    public List<string> WrongSpeakers { get; } = new();
    /// <summary>How many examples to keep.</summary>
    public int MaxExamples { get; init; } = 0;

    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    /// <summary>Precision that also credits fragments of gold contents.</summary>
    public double PrecisionWithFragments => Predicted == 0 ? 0 : (double)(Matched + Fragments) / Predicted;
    /// <summary>F1 from <see cref="PrecisionWithFragments"/> and <see cref="Recall"/>.</summary>
    public double F1WithFragments => PrecisionWithFragments + Recall == 0 ? 0 : 2 * PrecisionWithFragments * Recall / (PrecisionWithFragments + Recall);
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    /// <summary>Recall when a gold content may be covered by several predictions together.</summary>
    public double UnionRecall => Gold == 0 ? 0 : (double)CoveredByUnion / Gold;
    /// <summary>Recall on gold attributions with a reporting cue.</summary>
    public double SpeechRecall => GoldSpeech == 0 ? 0 : (double)MatchedSpeech / GoldSpeech;
    /// <summary>Share of matched quotes with the right speaker span.</summary>
    public double SpeakerAccuracy => WithSource == 0 ? 0 : (double)SpeakerHits / WithSource;
    /// <summary>Recall on gold contents that carry quotation marks.</summary>
    public double DirectRecall => GoldDirect == 0 ? 0 : (double)MatchedDirect / GoldDirect;

    /// <summary>A predicted attribution: the quotes that share one cue (the two halves of a quote its frame interrupts,
    /// "…," he said, "…"), or one quote without a cue in the text. PolNeAR annotates such halves as one content.</summary>
    private sealed record PredictedAttribution(Quote[] Parts)
    {
        public Quote Lead => Parts.FirstOrDefault(q => q.Speaker >= 0 || q.SpeakerStart >= 0) ?? Parts[0];
        public int Length => Parts.Sum(q => q.End - q.Start);
        /// <summary>Direct as the gold's are: a direct quote among its parts, or a quotation mark in its words (reported
        /// speech with a quoted phrase).</summary>
        public bool IsDirectIn(Document doc) => Parts.Any(q => q.Kind == QuoteKind.Direct || HasQuoteMark(doc.Slice(q.Start, q.End)));
    }

    // Quotes sharing a cue in the text are one attribution; so is a quote without a cue of its own that continues the
    // quote before it (the same speaker mention: "…," said X. "…").
    private static List<PredictedAttribution> Attributions(IEnumerable<Quote> quotes)
    {
        var groups = new List<List<Quote>>();
        var byCue = new Dictionary<(int, int), List<Quote>>();
        foreach (var q in quotes.OrderBy(q => q.Start))
        {
            List<Quote>? group = null;
            if (q.CueStart >= 0) byCue.TryGetValue((q.CueStart, q.CueEnd), out group);
            else if (q.SpeakerStart >= 0 && groups.Count > 0 && groups[^1][^1].SpeakerStart == q.SpeakerStart) group = groups[^1];
            if (group is null)
            {
                group = new List<Quote>();
                groups.Add(group);
                if (q.CueStart >= 0) byCue[(q.CueStart, q.CueEnd)] = group;
            }
            group.Add(q);
        }
        return groups.Select(g => new PredictedAttribution(g.ToArray())).ToList();
    }

    /// <summary>Adds one document: its predicted quotes against the gold attributions.</summary>
    public void Add(Document doc, IReadOnlyList<GoldAttribution> gold, string name = "")
    {
        Documents++;
        Gold += gold.Count;
        var preds = Attributions(doc.Quotes);
        Predicted += preds.Count;
        var used = new bool[preds.Count];
        foreach (var g in gold)
        {
            if (g.IsDirect) GoldDirect++;
            bool speech = IsSpeechCue(g.CueText);
            if (speech) GoldSpeech++;
            int union = 0;
            foreach (var pq in doc.Quotes) union += Overlap(g, pq.Start, pq.End);
            if (union >= MinOverlap * g.Length) CoveredByUnion++;
            int best = Best(g, preds, used);
            if (best < 0)
            {
                if (Misses.Count < MaxExamples)
                {
                    // How much of it the nearest prediction covers: a boundary to mend, not a miss to find.
                    int part = preds.Count == 0 ? 0 : preds.Max(p => Overlap(g, p));
                    var partly = part > 0 ? $" [partly found: {100 * part / Math.Max(1, g.Length)}%]" : "";
                    Misses.Add($"{name}: <{g.CueText}>{partly} {Clip(g.ContentText)}");
                }
                continue;
            }
            used[best] = true;
            Matched++;
            if (speech) MatchedSpeech++;
            if (g.IsDirect) MatchedDirect++;
            if (g.SourceStart < 0) continue;
            WithSource++;
            var q = preds[best].Lead;
            var (bySpan, byActor) = SpeakerRight(doc, g, q);
            if (bySpan) SpeakerHits++;
            if (byActor) SpeakerActorHits++;
            if (bySpan || byActor) SpeakerEitherHits++;
            else if (WrongSpeakers.Count < MaxExamples)
                WrongSpeakers.Add($"{name}: [{q.SpeakerText}] ≠ [{doc.Slice(g.SourceStart, Math.Min(g.SourceEnd, doc.Text.Length))}] <{g.CueText}> | {Clip(g.ContentText)}");
        }
        AddDirect(doc, gold, preds, name);
        for (int p = 0; p < used.Length; p++)
        {
            if (used[p]) continue;
            var pred = preds[p];
            if (gold.Any(g => 2 * Overlap(g, pred) >= pred.Length)) { Fragments++; continue; }
            if (Spurious.Count < MaxExamples)
                Spurious.Add($"{name}: [{pred.Lead.Kind}] {Clip(string.Join(" … ", pred.Parts.Select(q => doc.Slice(q.Start, q.End))))}");
        }
    }

    // The unused prediction covering most of the gold content, when it covers at least MinOverlap of it; else -1.
    private static int Best(GoldAttribution g, List<PredictedAttribution> preds, bool[] used)
    {
        int best = -1, bestOv = 0;
        for (int p = 0; p < preds.Count; p++)
        {
            if (used[p]) continue;
            int ov = Overlap(g, preds[p]);
            if (ov > bestOv) { bestOv = ov; best = p; }
        }
        return best >= 0 && bestOv >= MinOverlap * g.Length ? best : -1;
    }

    // Direct quotes alone: gold contents with a quotation mark against predicted attributions with a direct quote, one to one.
    private void AddDirect(Document doc, IReadOnlyList<GoldAttribution> gold, List<PredictedAttribution> all, string name)
    {
        var preds = all.Where(p => p.IsDirectIn(doc)).ToList();
        Direct.Predicted += preds.Count;
        var used = new bool[preds.Count];
        foreach (var g in gold)
        {
            if (!g.IsDirect) continue;
            Direct.Gold++;
            int best = Best(g, preds, used);
            if (best < 0)
            {
                if (DirectMisses.Count < MaxExamples) DirectMisses.Add($"{name}: <{g.CueText}> {Clip(g.ContentText)}");
                continue;
            }
            used[best] = true;
            Direct.Matched++;
            if (g.SourceStart < 0) continue;
            Direct.WithSource++;
            var (bySpan, byActor) = SpeakerRight(doc, g, preds[best].Lead);
            if (bySpan) Direct.SpanHits++;
            if (byActor) Direct.ActorHits++;
            if (bySpan || byActor) Direct.EitherHits++;
        }
        for (int p = 0; p < preds.Count && DirectSpurious.Count < MaxExamples; p++)
            if (!used[p])
            {
                var pred = preds[p];
                bool inGold = gold.Any(g => 2 * Overlap(g, pred) >= pred.Length);
                DirectSpurious.Add($"{name}: {(inGold ? "(inside a gold attribution) " : "")}{Clip(string.Join(" … ", pred.Parts.Select(q => doc.Slice(q.Start, q.End))))}");
            }
    }

    // Right by span: the predicted speaker mention overlaps the gold source. Right by actor: the predicted speaker is an
    // actor one of whose mentions lies in the gold source span (a pronoun source has none).
    private static (bool BySpan, bool ByActor) SpeakerRight(Document doc, GoldAttribution g, Quote q)
    {
        bool bySpan = q.SpeakerStart >= 0 && q.SpeakerStart < g.SourceEnd && q.SpeakerEnd > g.SourceStart;
        bool byActor = q.Speaker >= 0 && doc.Entities.Any(e => e.Actor == q.Speaker && e.Start < g.SourceEnd && e.End > g.SourceStart);
        return (bySpan, byActor);
    }

    /// <summary>Whether words carry a quotation mark (straight, curly, guillemets, or two apostrophes as the NYT writes them).</summary>
    internal static bool HasQuoteMark(string text) => text.AsSpan().IndexOfAny("\"“”«»") >= 0 || text.Contains("''", StringComparison.Ordinal);

    private static bool IsSpeechCue(string? cue)
    {
        if (string.IsNullOrWhiteSpace(cue)) return false;
        if (cue.Contains("according to", StringComparison.OrdinalIgnoreCase)) return true;
        var lex = Extraction.Quotes.QuoteLexicon.Default;
        foreach (var w in cue.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (lex.Verb(w.Trim(':', ',', '.')) != Extraction.Quotes.CueClass.None) return true;
        return false;
    }

    private static int Overlap(GoldAttribution g, PredictedAttribution p)
    {
        int ov = 0;
        foreach (var q in p.Parts) ov += Overlap(g, q.Start, q.End);
        return ov;
    }

    private static int Overlap(GoldAttribution g, int s, int e)
    {
        int ov = 0;
        foreach (var (fs, fe) in g.Content) ov += Math.Max(0, Math.Min(fe, e) - Math.Max(fs, s));
        return ov;
    }

    private static string Clip(string s) => (s.Length > 140 ? s[..140] + "…" : s).Replace('\n', ' ');

    /// <summary>One line of figures.</summary>
    public override string ToString() =>
        $"docs {Documents}  gold {Gold}  predicted {Predicted}  matched {Matched}  P {Precision:P1}  R {Recall:P1}  F1 {F1:P1}  " +
        $"(crediting fragments {Fragments}: P {PrecisionWithFragments:P1}, union R {UnionRecall:P1}, F1 {2 * PrecisionWithFragments * UnionRecall / Math.Max(1e-9, PrecisionWithFragments + UnionRecall):P1})  " +
        $"speaker {SpeakerAccuracy:P1} ({SpeakerHits}/{WithSource})  direct-recall {DirectRecall:P1} ({MatchedDirect}/{GoldDirect})  " +
        $"speech-cue-recall {SpeechRecall:P1} ({MatchedSpeech}/{GoldSpeech})";

    /// <summary>Reads the attributions of a brat standoff file (T lines for Source/Content, E lines tying them).</summary>
    /// <exception cref="DossierException">DSR241 for a malformed line.</exception>
    public static List<GoldAttribution> ReadBrat(string annPath)
    {
        var spans = new Dictionary<string, ((int, int)[] Frags, string Text)>();
        var events = new List<string[]>();
        int n = 0;
        foreach (var line in File.ReadLines(annPath))
        {
            n++;
            if (line.Length == 0) continue;
            var cols = line.Split('\t');
            // A span text may hold line breaks: its continuation lines carry no id and are skipped.
            if (!IsId(cols[0])) continue;
            if (line[0] == 'T')
            {
                if (cols.Length < 3) throw new DossierException(Errors.BadStandoffLine(annPath, n, "want 'T#<TAB>Type start end<TAB>text'"));
                int sp = cols[1].IndexOf(' ');
                if (sp < 0) throw new DossierException(Errors.BadStandoffLine(annPath, n, "no offsets"));
                var frags = new List<(int, int)>();
                foreach (var f in cols[1][(sp + 1)..].Split(';'))
                {
                    var se = f.Split(' ');
                    if (se.Length != 2 || !int.TryParse(se[0], out int s) || !int.TryParse(se[1], out int e) || e < s)
                        throw new DossierException(Errors.BadStandoffLine(annPath, n, $"bad offsets '{f}'"));
                    frags.Add((s, e));
                }
                spans[cols[0]] = (frags.ToArray(), cols[2]);
            }
            else if (line[0] == 'E' && cols.Length >= 2) events.Add(cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        var list = new List<GoldAttribution>();
        foreach (var ev in events)
        {
            string? content = null, source = null, cue = null;
            foreach (var arg in ev)
            {
                int c = arg.IndexOf(':');
                if (c < 0) continue;
                var role = arg[..c];
                // Roles may carry a number when repeated (Content2): keep the first of each.
                if (role.StartsWith("Content", StringComparison.Ordinal)) content ??= arg[(c + 1)..];
                else if (role.StartsWith("Source", StringComparison.Ordinal)) source ??= arg[(c + 1)..];
                else if (role.StartsWith("Cue", StringComparison.Ordinal)) cue ??= arg[(c + 1)..];
            }
            if (content is null || !spans.TryGetValue(content, out var ct)) continue;
            int ss = -1, se2 = -1;
            if (source is not null && spans.TryGetValue(source, out var st)) { ss = st.Frags.Min(f => f.Item1); se2 = st.Frags.Max(f => f.Item2); }
            list.Add(new GoldAttribution(ct.Frags, ss, se2, ct.Text) { CueText = cue is not null && spans.TryGetValue(cue, out var cu) ? cu.Text : null });
        }
        return list;
    }

    private static bool IsId(string s)
    {
        if (s.Length < 2 || !char.IsAsciiLetterUpper(s[0]) && s[0] != '#') return false;
        for (int i = 1; i < s.Length; i++) if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }

    /// <summary>
    /// Scores every article of a PolNeAR split folder (e.g. polnear/dev): reads text/*.txt, the first annotator's
    /// attributions/*.ann, runs <paramref name="process"/> on a Document of the text and adds it.
    /// </summary>
    public static AttributionEval ScoreFolder(string splitFolder, Action<Document> process, int maxExamples = 0)
    {
        var eval = new AttributionEval { MaxExamples = maxExamples };
        var anns = Directory.GetFiles(Path.Combine(splitFolder, "attributions"), "*.ann").Order(StringComparer.Ordinal).ToArray();
        foreach (var txt in Directory.GetFiles(Path.Combine(splitFolder, "text"), "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(txt);
            // One annotator per article: the first file of the form <stem>_<annotator>.ann.
            var ann = anns.FirstOrDefault(a => Path.GetFileName(a).StartsWith(stem + "_", StringComparison.Ordinal));
            if (ann is null) continue;
            var doc = new Document(File.ReadAllText(txt)) { Id = stem };
            process(doc);
            eval.Add(doc, ReadBrat(ann), stem);
        }
        return eval;
    }
}
