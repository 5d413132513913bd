namespace Dossier.Documents;

/// <summary>What kind of characters a token is made of.</summary>
public enum TokenKind : byte { Word, Number, Punct, Symbol }

/// <summary>Surface properties of a token, computed once by the tokenizer.</summary>
[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    /// <summary>First letter upper case, some lower case letters follow (Syria, McCain).</summary>
    Title = 1,
    /// <summary>All letters upper case and at least one letter (HTS, US).</summary>
    Upper = 2,
    /// <summary>All letters lower case.</summary>
    Lower = 4,
    /// <summary>Contains a digit.</summary>
    HasDigit = 8,
    /// <summary>First token of a sentence.</summary>
    SentenceStart = 16,
    /// <summary>Preceded by white space (or text start).</summary>
    SpaceBefore = 32,
    /// <summary>First token on its line.</summary>
    LineStart = 64,
    /// <summary>First token of a paragraph (after a blank line or text start).</summary>
    ParagraphStart = 128,
    /// <summary>Contains an inner hyphen (al-Qaeda, HTS-held).</summary>
    Hyphen = 256,
    /// <summary>Contains an inner apostrophe (Shara'a, hasn't).</summary>
    Apostrophe = 512,
    /// <summary>First token of a chunk cut from a run longer than <see cref="Limits.MaxSentenceTokens"/> or
    /// <see cref="Limits.MaxSentenceChars"/>: it starts a <see cref="Sentence"/> but not a real sentence.</summary>
    ChunkStart = 1024,
}

/// <summary>A token: a [Start, End) range of the document text with its kind and flags.</summary>
/// <remarks>Tokens are stored in one array per document (no object per token); strings are materialised only on demand.</remarks>
public readonly record struct Token(int Start, int End, TokenKind Kind, TokenFlags Flags)
{
    /// <summary>Length in chars.</summary>
    public int Length => End - Start;
    /// <summary>True when the flag is set.</summary>
    public bool Has(TokenFlags f) => (Flags & f) != 0;
}

/// <summary>A sentence: a char range and the token range [FirstToken, TokenEnd) it covers.</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenEnd)
{
    /// <summary>Number of tokens.</summary>
    public int TokenCount => TokenEnd - FirstToken;
}
