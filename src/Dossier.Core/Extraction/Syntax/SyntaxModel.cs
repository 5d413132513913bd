using Dossier.Documents;
using System.IO.Compression;
using Dossier.Resources;

namespace Dossier.Extraction.Syntax;

/// <summary>One sentence's analysis: per word its tag, lemma, head (0-based; -1 for the root) and relation.</summary>
public sealed record SentenceAnalysis(Upos[] Tags, string[] Lemmas, int[] Heads, string[] Relations);

/// <summary>The trained syntax model: a part-of-speech tagger, a lemmatiser and a dependency parser, in one file.</summary>
/// <remarks>
/// The file is gzip over: a magic line, the feature version (a model trained with other feature templates is refused),
/// the tagger (model and fixed-tag dictionary), the lemmatiser tables, the parser's relations and model. The default
/// model is embedded in the assembly (data/models/syntax-ud-en.bin.gz) and loaded once. Immutable and thread-safe.
/// </remarks>
public sealed class SyntaxModel
{
    private const string Magic = "DOSSIER-SYNTAX/1";

    /// <summary>Version of the feature templates; raised whenever <see cref="PosTagger"/> or <see cref="DependencyParser"/>
    /// features change, so an old model file cannot be used with new features by mistake.</summary>
    public const string FeatureVersion = "syntax-features-6";

    /// <summary>Name of the embedded default model.</summary>
    public const string DefaultName = "syntax-ud-en.bin.gz";

    internal PosTagger Tagger { get; }
    internal Lemmatizer Lemmatizer { get; }
    internal DependencyParser Parser { get; }

    internal SyntaxModel(PosTagger tagger, Lemmatizer lemmatizer, DependencyParser parser)
    {
        Tagger = tagger; Lemmatizer = lemmatizer; Parser = parser;
    }

    /// <summary>The relations the parser assigns (lifted ones included).</summary>
    public IReadOnlyList<string> Relations => Parser.Labels;

    /// <summary>Sizes, for messages: tagger rows, parser rows and weights, lemma entries.</summary>
    public string Describe() =>
        $"tagger {Tagger.Model.Rows:N0} features, parser {Parser.MoveModel.Rows:N0} move features and {Parser.LabelModel.Rows:N0} relation features " +
        $"({Parser.LabelModel.Weights:N0} weights, {Parser.Labels.Count} relations), lemmatiser {Lemmatizer.Entries:N0} words";

    /// <summary>Tags, lemmatises and parses one sentence of words; <paramref name="spaceAfter"/> says which words a space
    /// follows ("HTS-held" is three words with none between them), all when not given.</summary>
    public SentenceAnalysis Analyse(IReadOnlyList<string> words, IReadOnlyList<bool>? spaceAfter = null)
    {
        words = Headlines.ForAnalysis(words, Lemmatizer);
        var hashes = WordHashes.Of(words, spaceAfter);
        Tagger.Prepare(hashes);
        var tags = new Upos[words.Count];
        Tagger.Tag(hashes, tags);
        var lemmas = new string[words.Count];
        for (int i = 0; i < lemmas.Length; i++)
        {
            lemmas[i] = Lemmatizer.Lemma(words[i], tags[i]);
            hashes[i].Lemma = LemmaHash(lemmas[i]);
        }
        var heads = new int[words.Count];
        var rels = new string[words.Count];
        Parser.Parse(hashes, tags, heads, rels);
        FinalPunctuationToRoot(words, tags, heads, rels);
        return new SentenceAnalysis(tags, lemmas, heads, rels);
    }

    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal) { ".", "!", "?", "...", "…", "!!", "?!", "!?", "??" };

    // UD attaches a sentence's final full stop, question or exclamation mark to the root (98.5% of EWT's sentences, all of
    // GUM's). The parser, which meets it last, often hangs it on a clause still open on its stack; the attachment to the
    // root is always projective, so it is made here.
    private static void FinalPunctuationToRoot(IReadOnlyList<string> words, Upos[] tags, int[] heads, string[] rels)
    {
        int last = words.Count - 1;
        if (last < 1 || tags[last] != Upos.PUNCT || !Terminal.Contains(words[last])) return;
        int root = Array.IndexOf(heads, -1);
        if (root < 0 || root == last) return;
        heads[last] = root;
        rels[last] = "punct";
    }

    /// <summary>The hash of a lemma as the parser's features see it (lower case).</summary>
    internal static ulong LemmaHash(string lemma)
    {
        Span<char> lower = lemma.Length <= 128 ? stackalloc char[lemma.Length] : new char[lemma.Length];
        lemma.AsSpan().ToLowerInvariant(lower);
        return FeatureHash.Of(lower);
    }

    /// <summary>Tags (only) one sentence; used by evaluation on gold tokens and by training.</summary>
    internal Upos[] Tag(IReadOnlyList<string> words)
    {
        var tags = new Upos[words.Count];
        var hashes = WordHashes.Of(words);
        Tagger.Prepare(hashes);
        Tagger.Tag(hashes, tags);
        return tags;
    }

    /// <summary>Writes the model (gzip).</summary>
    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FeatureVersion);
        Tagger.Model.Write(w);
        var fixedTags = Tagger.FixedTags.OrderBy(x => x.Key).ToList();
        w.Write7BitEncodedInt(fixedTags.Count);
        foreach (var (k, t) in fixedTags) { w.Write(k); w.Write((byte)t); }
        var classes = Tagger.AmbiguityClasses.OrderBy(x => x.Key).ToList();
        w.Write7BitEncodedInt(classes.Count);
        foreach (var (k, c) in classes) { w.Write(k); w.Write(c); }
        Lemmatizer.Write(w);
        w.Write7BitEncodedInt(Parser.Labels.Count);
        foreach (var l in Parser.Labels) w.Write(l);
        Parser.MoveModel.Write(w);
        Parser.LabelModel.Write(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; DSR262 when it is not one or was made with other features.</summary>
    public static SyntaxModel Load(Stream stream, string name)
    {
        try
        {
            // Inflated whole first (19 MB), then read from memory: reading byte by byte through a buffered inflating
            // stream took a lock per byte read and a third of the model's load time.
            var bytes = new MemoryStream();
            using (var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true)) gz.CopyTo(bytes, 1 << 20);
            bytes.Position = 0;
            using var r = new BinaryReader(bytes, System.Text.Encoding.UTF8);
            if (r.ReadString() != Magic) throw new DossierException(Errors.BadSyntaxModel(name, "not a syntax model"));
            var version = r.ReadString();
            if (version != FeatureVersion)
                throw new DossierException(Errors.BadSyntaxModel(name, $"trained with features '{version}', this build uses '{FeatureVersion}' (retrain it)"));
            var tagModel = SparseModel.Read(r);
            int nf = r.Read7BitEncodedInt();
            var fixedTags = new Dictionary<ulong, Upos>(nf);
            for (int i = 0; i < nf; i++)
            {
                ulong k = r.ReadUInt64();
                byte t = r.ReadByte();
                if (t >= UposNames.Count) throw new InvalidDataException("tag out of range");
                fixedTags[k] = (Upos)t;
            }
            int nc = r.Read7BitEncodedInt();
            var classes = new Dictionary<ulong, ulong>(nc);
            for (int i = 0; i < nc; i++) classes[r.ReadUInt64()] = r.ReadUInt64();
            var lemmatizer = Lemmatizer.Read(r);
            var labels = new string[r.Read7BitEncodedInt()];
            for (int i = 0; i < labels.Length; i++) labels[i] = string.Intern(r.ReadString());
            var moves = SparseModel.Read(r);
            var labeller = SparseModel.Read(r);
            return new SyntaxModel(new PosTagger(tagModel, fixedTags, classes), lemmatizer, new DependencyParser(moves, labeller, labels));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or IOException)
        {
            throw new DossierException(Errors.BadSyntaxModel(name, e.Message));
        }
    }

    /// <summary>Reads a model file.</summary>
    public static SyntaxModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        return Load(fs, path);
    }

    private static readonly Lazy<SyntaxModel> _default = new(() =>
    {
        using var s = EmbeddedData.OpenRaw(DefaultName);
        return Load(s, DefaultName);
    });

    /// <summary>The embedded default model, loaded once.</summary>
    public static SyntaxModel Default => _default.Value;
}
