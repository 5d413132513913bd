using AnyAscii;
using Dossier.Contract;

namespace Dossier.Acceptance;

/// <summary>Tolerant comparison of names and text fragments, as the `about` field of seed/expected.json describes it.</summary>
/// <remarks>Test-side only: the pipeline never uses these rules, so a test cannot pass because the product shares its folding.</remarks>
public static class Tolerant
{
    /// <summary>Folds text for containment checks: ASCII transliteration (drops diacritics, curly quotes and dashes), lower case, single spaces.</summary>
    public static string Text(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var t = s.Transliterate().ToLowerInvariant();
        var b = new System.Text.StringBuilder(t.Length);
        bool space = false;
        foreach (var c in t)
        {
            if (char.IsWhiteSpace(c)) { space = b.Length > 0; continue; }
            if (space) { b.Append(' '); space = false; }
            b.Append(c);
        }
        return b.ToString();
    }

    /// <summary>Folds a name: <see cref="Text"/>, then the article prefixes 'al-' and 'al ' and a leading 'the ' removed, punctuation except '@' as spaces.</summary>
    public static string Name(string? s)
    {
        var words = Text(s).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(words.Length);
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            // "Al Jolani" and "al-Jolani" are the same name as "Jolani"; a lone "al" at the end is kept (it is then the name).
            if ((w == "al" || w == "el") && i + 1 < words.Length) continue;
            if (w.StartsWith("al-", StringComparison.Ordinal) && w.Length > 3) w = w[3..];
            if (kept.Count == 0 && w == "the" && i + 1 < words.Length) continue;
            kept.Add(w);
        }
        var joined = string.Join(' ', kept);
        var b = new System.Text.StringBuilder(joined.Length);
        foreach (var c in joined) b.Append(char.IsLetterOrDigit(c) || c == '@' ? c : ' ');
        return string.Join(' ', b.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when <paramref name="hay"/> contains <paramref name="needle"/> after folding both with <see cref="Text"/>.</summary>
    public static bool Contains(string? hay, string needle) => Text(hay).Contains(Text(needle), StringComparison.Ordinal);

    /// <summary>Every folded name an actor carries: its name and its aliases.</summary>
    public static HashSet<string> Names(ActorRecord a)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { Name(a.Name) };
        foreach (var al in a.Aliases) set.Add(Name(al));
        set.Remove("");
        return set;
    }

    /// <summary>True when the actor with id <paramref name="actorId"/> carries one of <paramref name="candidates"/> as name or alias.</summary>
    public static bool Resolves(ArticleRecord r, string? actorId, IEnumerable<string> candidates)
    {
        if (actorId is null) return false;
        var a = r.Actors.FirstOrDefault(x => x.Id == actorId);
        if (a is null) return false;
        var names = Names(a);
        return candidates.Any(c => names.Contains(Name(c)));
    }

    /// <summary>The actors that carry <paramref name="name"/> as name or alias.</summary>
    public static List<ActorRecord> ActorsNamed(ArticleRecord r, string name)
    {
        var n = Name(name);
        return r.Actors.Where(a => Names(a).Contains(n)).ToList();
    }

    /// <summary>"name" of an actor id, for messages.</summary>
    public static string Describe(ArticleRecord r, string? actorId) =>
        actorId is null ? "-" : r.Actors.FirstOrDefault(a => a.Id == actorId)?.Name ?? $"?{actorId}";
}
