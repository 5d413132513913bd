using Dossier.Documents;

namespace Dossier.Extraction.Syntax;

/// <summary>The words the parser sees in one sentence: the document's tokens, with hyphenated compounds split as UD English
/// splits them ("HTS-held" → HTS - held; "al-Qaeda" → al - Qaeda; but "e-mail", "non-avian", "re-elected" stay whole).</summary>
/// <remarks>The segmenter keeps hyphenated names whole for the entity tagger; the treebanks the parser learns from split
/// them, and agreeing with them matters for syntax (the head of "HTS-held" is "held", an adjective-like participle).</remarks>
internal readonly record struct SyntaxWords(string[] Forms, int[] Starts, int[] Ends, int[] TokenOf)
{
    // Prefixes UD English keeps attached by a hyphen (counted in EWT and GUM: non-, pro-, anti-, re-, co-, mid- …).
    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "e", "non", "pro", "anti", "re", "co", "mid", "pre", "post", "ex", "multi", "cross", "semi", "sub", "inter", "counter",
        "neo", "pan", "quasi", "ultra", "un", "de", "bi", "tri", "self", "vice", "x", "t", "u",
    };

    /// <summary>For each word, whether a space (any gap) follows it before the next word.</summary>
    public bool[] SpaceAfter()
    {
        var a = new bool[Forms.Length];
        for (int i = 0; i < a.Length; i++) a[i] = i + 1 >= a.Length || Starts[i + 1] > Ends[i];
        return a;
    }

    /// <summary>The words of <paramref name="sentence"/>.</summary>
    public static SyntaxWords Of(Document doc, Sentence sentence)
    {
        var forms = new List<string>(sentence.TokenCount + 4);
        var starts = new List<int>(sentence.TokenCount + 4);
        var ends = new List<int>(sentence.TokenCount + 4);
        var tokenOf = new List<int>(sentence.TokenCount + 4);
        var text = doc.Text;
        for (int t = sentence.FirstToken; t < sentence.TokenEnd; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Has(TokenFlags.Hyphen) && tok.Kind == TokenKind.Word && !KeptWhole(text.AsSpan(tok.Start, tok.Length)))
            {
                int a = tok.Start;
                for (int i = tok.Start; i < tok.End; i++)
                {
                    if (text[i] != '-' && text[i] != '‐' || i == tok.Start || i == tok.End - 1) continue;
                    Add(a, i); Add(i, i + 1);
                    a = i + 1;
                }
                Add(a, tok.End);
                continue;
            }
            Add(tok.Start, tok.End);
            void Add(int s, int e)
            {
                if (e <= s) return;
                forms.Add(text.Substring(s, e - s)); starts.Add(s); ends.Add(e); tokenOf.Add(t);
            }
        }
        return new SyntaxWords(forms.ToArray(), starts.ToArray(), ends.ToArray(), tokenOf.ToArray());
    }

    // "e-mail", "non-avian", "ninety-nine": a known prefix, or number words on both sides.
    private static bool KeptWhole(ReadOnlySpan<char> word)
    {
        int h = word.IndexOfAny('-', '‐');
        if (h <= 0) return true;
        if (Prefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word[..h])) return true;
        return NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word[..h]) && NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word[(h + 1)..]);
    }

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    };
}
