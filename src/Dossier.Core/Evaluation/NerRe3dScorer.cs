using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Evaluation;

/// <summary>A gold entity of a re3d document: chars [Start, End), its re3d type and whether it is a proper name.</summary>
public readonly record struct Re3dMention(int Start, int End, string Type, bool Named);

/// <summary>One re3d document: its id, source folder, text and gold entities of the scored types.</summary>
public sealed record Re3dDocument(string Id, string Source, string Text, Re3dMention[] Mentions)
{
    /// <summary>Which half of the corpus the document falls in (sha1 of its id, first byte even = 0, odd = 1), so rules
    /// can be written against one half and checked on the other.</summary>
    public int Half => SHA1.HashData(Encoding.UTF8.GetBytes(Id))[0] & 1;
}

/// <summary>Reads the Dstl re3d corpus (defence and security news and government text: BBC Online, CENTCOM, UK and US
/// government, Wikipedia…; folders of mongoexport JSON lines) and scores the pipeline's entities against its gold names.</summary>
/// <remarks>
/// re3d annotates every mention (names, nominals, pronouns) with character offsets, keeping determiners and titles inside
/// ("the Iraqi Security Forces", "Foreign Secretary Boris Johnson"), and types a country by its role in the sentence:
/// "Syria accuses Israel" is two Organisations, "in Syria" a Location. The comparison is therefore lenient in the way
/// <see cref="NerGumScorer"/> is: a predicted entity matches a gold mention when it lies inside it, shares its first or
/// last character, and its type is compatible — PERSON→Person, ORG→Organisation, LOC/FAC→Location, GPE→Location or
/// Organisation (a geo-political entity is both: ACE's definition), NORP→Nationality or Organisation ("Syrians" are
/// annotated as a group). Of an entity annotated with several types the most confident is gold; below 0.5 none is.
/// Recall counts the gold mentions that are names (last word capitalised, not a pronoun, not a title such as "The
/// Foreign Secretary", at most six words; a leading determiner or possessive is dropped from every gold span first); precision counts a prediction right when any gold mention of those types
/// matches it (a name the annotators typed otherwise, e.g. a Weapon, counts against it). Documents run whole.
/// </remarks>
public static class NerRe3dScorer
{
    /// <summary>Scored re3d types.</summary>
    public static readonly string[] Labels = ["Person", "Organisation", "Location", "Nationality"];

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "he", "she", "it", "we", "they", "you", "his", "her", "its", "their", "our", "my", "your", "him", "them", "us", "me",
        "this", "that", "these", "those", "myself", "itself", "themselves", "ourselves", "himself", "herself",
    };

    private static readonly string[] Determiners = ["the", "a", "an", "its", "their", "our", "his", "her", "this", "these", "that", "those"];

    /// <summary>True when the folder looks like re3d (source folders holding documents.json and entities.json).</summary>
    public static bool IsCorpus(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "entities.json", SearchOption.AllDirectories).Any();

    /// <summary>Reads every source folder under <paramref name="root"/>.</summary>
    public static List<Re3dDocument> Read(string root)
    {
        var lex = Dossier.Extraction.Entities.NerLexicon.Instance;
        var docs = new List<Re3dDocument>();
        foreach (var entitiesFile in Directory.EnumerateFiles(root, "entities.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(entitiesFile)!;
            var source = Path.GetFileName(folder);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var o in JsonLines(Path.Combine(folder, "documents.json")))
                texts[o.GetProperty("_id").GetString()!] = o.GetProperty("text").GetString()!;
            // The most confident type of each span.
            var best = new Dictionary<(string Doc, int Start, int End), (string Type, double Confidence)>();
            foreach (var o in JsonLines(entitiesFile))
            {
                var key = (o.GetProperty("documentId").GetString()!, o.GetProperty("begin").GetInt32(), o.GetProperty("end").GetInt32());
                var type = o.GetProperty("type").GetString()!;
                double c = o.GetProperty("confidence").GetDouble();
                if (!best.TryGetValue(key, out var b) || c > b.Confidence) best[key] = (type, c);
            }
            foreach (var (id, text) in texts.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var mentions = new List<Re3dMention>();
                foreach (var ((doc, s, e), (type, c)) in best)
                {
                    if (doc != id || c < 0.5 || Array.IndexOf(Labels, type) < 0) continue;
                    if (s < 0 || e > text.Length || s >= e)
                        throw new DossierException(Errors.BadNerCorpus($"{source}/{id}: entity [{s},{e}) outside the text"));
                    // A leading determiner or possessive is not part of the name ("the Iraqi Security Forces").
                    int from = s;
                    foreach (var d in Determiners)
                        if (e - s > d.Length + 1 && string.Compare(text, s, d, 0, d.Length, StringComparison.OrdinalIgnoreCase) == 0 && text[s + d.Length] == ' ')
                        { from = s + d.Length + 1; break; }
                    mentions.Add(new Re3dMention(from, e, type, IsName(text[from..e], lex)));
                }
                mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
                docs.Add(new Re3dDocument(id, source, text, mentions.ToArray()));
            }
        }
        if (docs.Count == 0) throw new DossierException(Errors.BadNerCorpus($"{root}: no re3d documents"));
        return docs;
    }

    private static bool IsName(string surface, Dossier.Extraction.Entities.NerLexicon lex)
    {
        var words = surface.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6) return false;
        var last = words[^1].TrimEnd('.', ',', ')', '\'', '’');
        if (last.Length == 0 || !char.IsUpper(last[0])) return false;
        if (words.Length == 1 && Pronouns.Contains(last)) return false;
        return !lex.Is(last, Dossier.Extraction.Entities.Cue.TitleHead);
    }

    private static IEnumerable<JsonElement> JsonLines(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement o;
            try { o = JsonDocument.Parse(line).RootElement.Clone(); }
            catch (JsonException ex) { throw new DossierException(Errors.BadNerCorpus($"{path}: {ex.Message}")); }
            yield return o;
        }
    }

    /// <summary>The re3d types an entity type may match, or null when the type is not scored.</summary>
    public static string[]? Re3dLabels(EntityType t) => t switch
    {
        EntityType.PERSON => ["Person"],
        EntityType.ORG => ["Organisation"],
        EntityType.GPE => ["Location", "Organisation"],
        EntityType.LOC or EntityType.FAC => ["Location"],
        EntityType.NORP => ["Nationality", "Organisation"],
        _ => null,
    };

    /// <summary>The type a prediction is counted under: the first of its compatible labels.</summary>
    private static string Primary(EntityType t) => Re3dLabels(t)![0];

    /// <summary>Scores the pipeline on the documents (optionally only one half, see <see cref="Re3dDocument.Half"/>).</summary>
    public static NerReport Score(IEnumerable<Re3dDocument> docs, DocumentPipeline pipeline, int keepErrors = 200)
    {
        var gold = Labels.ToDictionary(l => l, _ => 0); var pred = Labels.ToDictionary(l => l, _ => 0);
        var okP = Labels.ToDictionary(l => l, _ => 0); var okR = Labels.ToDictionary(l => l, _ => 0);
        var errors = new List<NerError>();
        int nDocs = 0, nWords = 0;
        var sw = new System.Diagnostics.Stopwatch();
        foreach (var g in docs)
        {
            nDocs++;
            nWords += g.Text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            var doc = new Document(g.Text);
            sw.Start(); pipeline.Process(doc); sw.Stop();
            var predicted = new List<(int S, int E, EntityType T)>();
            foreach (var e in doc.Entities)
                if (Re3dLabels(e.Type) is not null) predicted.Add((e.Start, e.End, e.Type));
            static bool Matches((int S, int E, EntityType T) p, Re3dMention m) =>
                Array.IndexOf(Re3dLabels(p.T)!, m.Type) >= 0 && p.S >= m.Start && p.E <= m.End && (p.S == m.Start || p.E == m.End);
            string Line(int s) => Context(g.Text, s);
            foreach (var p in predicted)
            {
                var l = Primary(p.T);
                pred[l]++;
                if (g.Mentions.Any(m => Matches(p, m))) okP[l]++;
                else if (errors.Count < keepErrors)
                {
                    var other = g.Mentions.FirstOrDefault(m => p.S < m.End && m.Start < p.E);
                    var goldType = other.Type is null ? null : $"{other.Type} \"{g.Text[other.Start..other.End]}\"";
                    errors.Add(new NerError(nDocs, Line(p.S), g.Text[p.S..p.E], goldType, p.T.ToString()));
                }
            }
            foreach (var m in g.Mentions)
            {
                if (!m.Named) continue;
                gold[m.Type]++;
                if (predicted.Any(p => Matches(p, m))) okR[m.Type]++;
                else if (errors.Count < keepErrors)
                {
                    var over = predicted.Where(p => p.S < m.End && m.Start < p.E).Select(p => $"{p.T} \"{g.Text[p.S..p.E]}\"").FirstOrDefault();
                    errors.Add(new NerError(nDocs, Line(m.Start), g.Text[m.Start..m.End], m.Type, over));
                }
            }
        }
        var per = Labels.Select(l => (NerTypeScore)new LenientScore(l, gold[l], pred[l], okP[l], okR[l])).ToList();
        var micro = new LenientScore("micro", gold.Values.Sum(), pred.Values.Sum(), okP.Values.Sum(), okR.Values.Sum());
        return new NerReport(per, micro, nDocs, nWords, sw.Elapsed, errors);
    }

    // The line of text around a char offset, for error listings.
    private static string Context(string text, int at)
    {
        int a = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1, b = text.IndexOf('\n', at);
        if (b < 0) b = text.Length;
        if (b - a > 240) { a = Math.Max(a, at - 100); b = Math.Min(b, at + 140); }
        return text[a..b];
    }
}
