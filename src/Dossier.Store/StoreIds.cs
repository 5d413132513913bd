using System.Security.Cryptography;
using System.Text;
using Dossier.Documents;

namespace Dossier.Store;

/// <summary>The identities every engine gives stored things, computed the same way whatever the engine: an article's
/// content hash and contract id, a canonical actor's id, and the word count the ingest figures are stated in.</summary>
public static class StoreIds
{
    /// <summary>The id canonical actors carry in exports and read models ("A" and the engine's row id).</summary>
    public static string CanonicalId(long id) => "A" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SHA-256 (lower-case hex) of a cleaned text: the identity used to recognise a re-ingested article.</summary>
    public static string ContentHash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The id an article carries in the contract: its external id, else the first 16 hex digits of its content hash.</summary>
    public static string ArticleId(Document doc) => doc.Id ?? ContentHash(doc.Text)[..16];

    /// <summary>Number of white-space separated words (the unit of the words/second figure).</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int n = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool ws = char.IsWhiteSpace(c);
            if (!ws && !inWord) n++;
            inWord = !ws;
        }
        return n;
    }
}
