namespace Dossier.Extraction.Events;

/// <summary>Regular English verb inflection, used to expand verb-dictionary entries that give no irregular forms.</summary>
/// <remarks>Over-generation is harmless here (a wrongly doubled "visitted" never occurs in text), so where the spelling rule
/// is uncertain (consonant doubling) both spellings are produced.</remarks>
public static class VerbForms
{
    /// <summary>The base form, -s, -ed and -ing forms of a lower-case regular verb.</summary>
    public static IEnumerable<string> Regular(string root)
    {
        yield return root;
        if (root.Length < 2) yield break;
        char last = root[^1], prev = root[^2];
        bool consonantY = last == 'y' && !IsVowel(prev);
        // -s
        if (consonantY) yield return root[..^1] + "ies";
        else if (last is 's' or 'x' or 'z' or 'o' || root.EndsWith("ch", StringComparison.Ordinal) || root.EndsWith("sh", StringComparison.Ordinal))
            yield return root + "es";
        else yield return root + "s";
        // -ed
        if (last == 'e') yield return root + "d";
        else if (consonantY) yield return root[..^1] + "ied";
        else yield return root + "ed";
        // -ing
        if (root.EndsWith("ie", StringComparison.Ordinal)) yield return root[..^2] + "ying";
        else if (last == 'e' && prev is not ('e' or 'y' or 'o')) yield return root[..^1] + "ing";
        else yield return root + "ing";
        // consonant doubling after a short final syllable (drop → dropped, stop → stopping)
        if (EndsCvc(root))
        {
            yield return root + last + "ed";
            yield return root + last + "ing";
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsCvc(string w)
    {
        if (w.Length < 3) return false;
        char c3 = w[^1], v = w[^2], c1 = w[^3];
        return !IsVowel(c3) && c3 is not ('w' or 'x' or 'y') && IsVowel(v) && !IsVowel(c1);
    }
}
