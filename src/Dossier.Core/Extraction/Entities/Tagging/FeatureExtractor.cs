using System.Runtime.CompilerServices;
using Dossier.Documents;

namespace Dossier.Extraction.Entities.Tagging;

/// <summary>Turns the tokens of one sentence into hashed feature keys, token by token.</summary>
/// <remarks>
/// Features are 64-bit hashes of (template, values), computed over the document's chars without building strings, so that
/// training and tagging share one code path and tagging allocates nothing per token. Per token: the word as written and
/// lower-cased (digits folded to 0), its shape, prefixes and suffixes, the words and shapes two either side, word bigrams,
/// gazetteer and hand-written lexicon membership of the longest name it lies in, and cue classes
/// (titles, organisation heads…). <see cref="Version"/> names the template set; a model records it and refuses another.
/// Instances hold scratch buffers: one per thread.
/// </remarks>
internal sealed class FeatureExtractor
{
    /// <summary>Version of the template set; bump it whenever a template changes (old models then fail to load).</summary>
    public const string Version = "ner-features-5";

    private const int MaxGazTokens = 5;

    private readonly NerLexicon _lex;
    private TokInfo[] _tok = new TokInfo[64];

    /// <summary>Keys of the last sentence; token i's keys are Keys[Offsets[i]..Offsets[i+1]).</summary>
    public ulong[] Keys = new ulong[64 * 96];
    /// <summary>Per-token start offsets into <see cref="Keys"/> (length tokens + 1).</summary>
    public int[] Offsets = new int[65];

    private struct TokInfo
    {
        public ulong Exact, Lower, Shape, Short;
        public ulong Pre1, Pre2, Pre3, Pre4, Suf1, Suf2, Suf3, Suf4;
        public int Len, RunLen, RunPos;
        public ulong Gaz, Known;
        public Cue Cues;
        public TokenFlags Flags;
    }

    public FeatureExtractor(NerLexicon lex) => _lex = lex;

    /// <summary>The keys of tokens [first, end) of <paramref name="doc"/>; <paramref name="rules"/> holds the rule codes of
    /// every token of the document (<see cref="RuleTags"/>). Returns the token count.</summary>
    public int Extract(Document doc, int first, int end, byte[] rules)
    {
        int n = end - first;
        if (_tok.Length < n + 4) _tok = new TokInfo[Math.Max(n + 4, _tok.Length * 2)];
        if (Offsets.Length < n + 1) Offsets = new int[Math.Max(n + 1, Offsets.Length * 2)];
        if (Keys.Length < n * 96) Keys = new ulong[Math.Max(n * 96, Keys.Length * 2)];
        var text = doc.Text.AsSpan();
        var toks = doc.Tokens;
        for (int i = 0; i < n; i++) Describe(text, toks[first + i], ref _tok[i]);
        MarkNames(doc, first, n);
        MarkRuns(n);

        int k = 0;
        var keys = Keys;
        for (int i = 0; i < n; i++)
        {
            Offsets[i] = k;
            ref var t = ref _tok[i];
            ulong lm1 = i > 0 ? _tok[i - 1].Lower : Boundary, lp1 = i + 1 < n ? _tok[i + 1].Lower : Boundary;
            ulong lm2 = i > 1 ? _tok[i - 2].Lower : Boundary, lp2 = i + 2 < n ? _tok[i + 2].Lower : Boundary;
            ulong sm1 = i > 0 ? _tok[i - 1].Short : Boundary, sp1 = i + 1 < n ? _tok[i + 1].Short : Boundary;
            ulong em1 = i > 0 ? _tok[i - 1].Exact : Boundary, ep1 = i + 1 < n ? _tok[i + 1].Exact : Boundary;
            bool start = i == 0 || (t.Flags & TokenFlags.SentenceStart) != 0;

            keys[k++] = 1;
            keys[k++] = H(2, t.Exact);
            keys[k++] = H(3, t.Lower);
            keys[k++] = H(4, lm1);
            keys[k++] = H(5, lp1);
            keys[k++] = H(6, lm2);
            keys[k++] = H(7, lp2);
            keys[k++] = H(8, t.Shape);
            keys[k++] = H(9, t.Short, start ? 1UL : 0UL);
            keys[k++] = H(10, sm1);
            keys[k++] = H(11, sp1);
            keys[k++] = H(12, sm1, t.Short, sp1);
            keys[k++] = H(13, lm1, t.Lower);
            keys[k++] = H(14, t.Lower, lp1);
            keys[k++] = H(15, lm1, t.Short);
            keys[k++] = H(16, t.Short, lp1);
            keys[k++] = H(17, em1);
            keys[k++] = H(18, ep1);
            if (t.Len >= 1) { keys[k++] = H(20, t.Pre1); keys[k++] = H(24, t.Suf1); }
            if (t.Len >= 2) { keys[k++] = H(21, t.Pre2); keys[k++] = H(25, t.Suf2); }
            if (t.Len >= 3) { keys[k++] = H(22, t.Pre3); keys[k++] = H(26, t.Suf3); }
            if (t.Len >= 4) { keys[k++] = H(23, t.Pre4); keys[k++] = H(27, t.Suf4); }
            keys[k++] = H(40, t.Gaz);
            keys[k++] = H(41, t.Known);
            keys[k++] = H(42, i > 0 ? _tok[i - 1].Gaz : Boundary, t.Gaz, i + 1 < n ? _tok[i + 1].Gaz : Boundary);
            if (t.Gaz != 0) keys[k++] = H(43, t.Gaz, t.Short);
            var cues = (uint)t.Cues;
            while (cues != 0)
            {
                uint bit = cues & (uint)-(int)cues;
                keys[k++] = H(50, bit);
                cues &= cues - 1;
            }
            if (i > 0 && _tok[i - 1].Cues != 0) keys[k++] = H(51, (ulong)_tok[i - 1].Cues);
            if (i + 1 < n && _tok[i + 1].Cues != 0) keys[k++] = H(52, (ulong)_tok[i + 1].Cues);
            if (start) keys[k++] = H(53, t.Lower);
            keys[k++] = H(60, lm1, lp1);
            keys[k++] = H(61, i > 0 ? _tok[i - 1].Suf3 : Boundary);
            keys[k++] = H(62, i + 1 < n ? _tok[i + 1].Suf3 : Boundary);
            keys[k++] = H(63, i > 1 ? _tok[i - 2].Short : Boundary, sm1);
            keys[k++] = H(64, sp1, i + 2 < n ? _tok[i + 2].Short : Boundary);
            keys[k++] = H(65, (ulong)Math.Min(t.RunLen, 5), (ulong)Math.Min(t.RunPos, 4));
            ulong r0 = rules[first + i], rm1 = i > 0 ? rules[first + i - 1] : 255UL, rp1 = i + 1 < n ? rules[first + i + 1] : 255UL;
            keys[k++] = H(70, r0);
            keys[k++] = H(71, r0, t.Short);
            keys[k++] = H(72, rm1, r0, rp1);
            if (r0 != 0) keys[k++] = H(73, r0, t.Lower);
        }
        Offsets[n] = k;
        return n;
    }

    private const ulong Boundary = 0x5eed_b0b0_0000_0001UL;

    // Per-token values: word hashes, shape, affixes, cue classes.
    private void Describe(ReadOnlySpan<char> text, Token tok, ref TokInfo t)
    {
        var w = text.Slice(tok.Start, tok.Length);
        t.Len = w.Length;
        t.Flags = tok.Flags;
        ulong exact = Fnv, lower = Fnv, shape = Fnv, shortShape = Fnv;
        char lastShape = '\0';
        int shapeLen = 0;
        for (int j = 0; j < w.Length; j++)
        {
            char c = w[j];
            exact = (exact ^ c) * Prime;
            char lc = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
            lower = (lower ^ lc) * Prime;
            if (j == 0) t.Pre1 = lower;
            else if (j == 1) t.Pre2 = lower;
            else if (j == 2) t.Pre3 = lower;
            else if (j == 3) t.Pre4 = lower;
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (shapeLen < 8) { shape = (shape ^ s) * Prime; shapeLen++; }
            if (s != lastShape) { shortShape = (shortShape ^ s) * Prime; lastShape = s; }
        }
        ulong suf = Fnv;
        for (int j = w.Length - 1, m = 0; j >= 0 && m < 4; j--, m++)
        {
            char c = w[j];
            char lc = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
            suf = (suf ^ lc) * Prime;
            if (m == 0) t.Suf1 = suf; else if (m == 1) t.Suf2 = suf; else if (m == 2) t.Suf3 = suf; else t.Suf4 = suf;
        }
        // A word shorter than an affix length uses the whole word for it (no stale values from an earlier sentence).
        if (w.Length < 4) { t.Pre4 = lower; t.Suf4 = suf; }
        if (w.Length < 3) { t.Pre3 = lower; t.Suf3 = suf; }
        if (w.Length < 2) { t.Pre2 = lower; t.Suf2 = suf; }
        if (w.Length < 1) { t.Pre1 = lower; t.Suf1 = suf; }
        t.Exact = exact;
        t.Lower = lower;
        t.Shape = shape ^ (ulong)Math.Min(w.Length, 12);
        t.Short = shortShape;
        t.Cues = w.Length <= 40 ? _lex.CuesOf(w) & ~Cue.EvidenceOnly : Cue.None; // the model was trained without these
        t.Gaz = 0;
        t.Known = 0;
    }

    // Longest gazetteer name and longest hand-listed name starting at each capitalised token, marked B/I on its tokens.
    private void MarkNames(Document doc, int first, int n)
    {
        var toks = doc.Tokens;
        for (int i = 0; i < n;)
        {
            var ti = toks[first + i];
            if (!ti.Has(TokenFlags.Title) && !ti.Has(TokenFlags.Upper)) { i++; continue; }
            int best = 0;
            GazEntry g = default;
            EntityType known = default;
            bool isKnown = false;
            // Names run over capitalised tokens and a few joining words ("Bosnia and Herzegovina", "Gulf of Aden"):
            // longer spans cannot match, so they are not looked up.
            int max = 1;
            while (max < MaxGazTokens && i + max < n && CanContinueName(doc, toks[first + i + max], first + i + max)) max++;
            while (max > 1 && !IsCap(i + max - 1)) max--;
            for (int len = max; len >= 1; len--)
            {
                var span = doc.Span(ti.Start, toks[first + i + len - 1].End);
                if (span.Length > 60) continue;
                bool gz = _lex.TryPlace(span, out g);
                isKnown = _lex.TryKnown(span, out known);
                if (gz || isKnown) { best = len; if (!gz) g = default; break; }
            }
            if (best == 0) { i++; continue; }
            ulong gazCode = g.Weight > 0 ? 0x100UL * (ulong)(g.Type + 1) + Bucket(g) : 0;
            ulong knownCode = isKnown ? 0x10000UL * (ulong)(known + 1) : 0;
            for (int j = 0; j < best; j++)
            {
                ulong pos = j == 0 ? 1UL : 2UL;
                if (gazCode != 0) _tok[i + j].Gaz = gazCode | pos | (best == 1 ? 4UL : 8UL);
                if (knownCode != 0) _tok[i + j].Known = knownCode | pos;
            }
            i += best;
        }
    }

    // Runs of capitalised words (with lower-case particles inside: "Abu Musab al-Zarqawi", "Bank of England").
    private void MarkRuns(int n)
    {
        for (int i = 0; i < n;)
        {
            if (!IsCap(i)) { _tok[i].RunLen = 0; _tok[i].RunPos = 0; i++; continue; }
            int j = i + 1;
            while (j < n && (IsCap(j) || j + 1 < n && IsCap(j + 1) && (_tok[j].Cues & Cue.Particle) != 0)) j++;
            for (int k = i; k < j; k++) { _tok[k].RunLen = j - i; _tok[k].RunPos = k - i + 1; }
            i = j;
        }
    }

    private bool CanContinueName(Document doc, Token t, int k) =>
        t.Has(TokenFlags.Title) || t.Has(TokenFlags.Upper) || t.Kind == TokenKind.Number
        || t.Length <= 4 && doc.TokenText(k) is "of" or "and" or "the" or "de" or "al" or "el" or "la" or "du" or "da" or "von" or "van" or "&" or "-" or "'s";

    private bool IsCap(int i) => (_tok[i].Flags & (TokenFlags.Title | TokenFlags.Upper)) != 0;

    // Country, demonym, city by population (weight is log10 of it), other.
    private static ulong Bucket(GazEntry g) => g.Weight switch { >= 10 => 0x50, >= 9 => 0x40, >= 6 => 0x30, >= 5 => 0x20, _ => 0x10 };

    private const ulong Fnv = 0xcbf29ce484222325UL, Prime = 0x100000001b3UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL; h ^= h >> 33;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong H(ulong template, ulong a) => Mix(template * 0x9e3779b97f4a7c15UL ^ a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong H(ulong template, ulong a, ulong b) => Mix(H(template, a) ^ b * 0xd6e8feb86659fd93UL);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong H(ulong template, ulong a, ulong b, ulong c) => Mix(H(template, a, b) ^ c * 0xa0761d6478bd642fUL);
}
