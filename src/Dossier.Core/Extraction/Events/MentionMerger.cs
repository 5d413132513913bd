using Dossier.Documents;

namespace Dossier.Extraction.Events;

/// <summary>
/// One event per happening within an article: mentions that agree on sources, targets, PLOVER type, negation and day
/// become one event with several mentions (<see cref="EventMention.OtherMentions"/>).
/// </summary>
/// <remarks>
/// Rules, each a kind of repeat news writing makes:
/// - the headline and the lead, or a later recap, tell the same act again ("Drone strike sets … ablaze" / "A drone strike
///   set fire …"): same sources, same targets, same type, same date;
/// - a one-sided mention of the act the article elsewhere gives with its target ("summoned China's deputy ambassador …
///   to protest"): the mention without targets joins the one with them;
/// - a date that is only the publication date (<see cref="EventMention.DateFromPublication"/>) agrees with a stated day
///   up to <see cref="PublicationSlackDays"/> before it, and the stated day is kept.
/// The kept event is the mention with the most specific CAMEO code, else the surest (asserted before reported …), else
/// the first; its code stands for the happening, and the happening is as sure as its surest mention. Pure; runs on one document.
/// </remarks>
public static class MentionMerger
{
    /// <summary>How many days before the publication date a stated day may be and still be the day a publication-dated
    /// mention of the same act means ("on Monday" in an article of Tuesday).</summary>
    public const int PublicationSlackDays = 1;

    /// <summary>Merges repeated mentions in place; returns how many mentions were folded into others.</summary>
    public static int Merge(List<EventMention> events)
    {
        if (events.Count < 2) return 0;
        var kept = new List<EventMention>(events.Count);
        int folded = 0;
        foreach (var e in events)
        {
            int into = kept.FindIndex(k => Same(k, e));
            if (into < 0) { kept.Add(e); continue; }
            kept[into] = Fold(kept[into], e);
            folded++;
        }
        if (folded == 0) return 0;
        events.Clear();
        events.AddRange(kept);
        return folded;
    }

    /// <summary>Whether two mentions tell the same happening.</summary>
    public static bool Same(EventMention a, EventMention b)
    {
        if (a.Plover is null || a.Plover != b.Plover || a.Negated != b.Negated) return false;
        if (!SameSet(a.Source, b.Source)) return false;
        if (!(SameSet(a.Target, b.Target) || a.Target.Count == 0 || b.Target.Count == 0)) return false;
        return SameDay(a, b);
    }

    private static bool SameSet(List<int> a, List<int> b) => a.Count == b.Count && a.All(b.Contains);

    private static bool SameDay(EventMention a, EventMention b)
    {
        if (a.Date == b.Date) return true;
        if (a.DateFromPublication == b.DateFromPublication) return false;
        var (published, stated) = a.DateFromPublication ? (a, b) : (b, a);
        if (!DateOnly.TryParseExact(published.Date, "yyyy-MM-dd", out var pub) || !DateOnly.TryParseExact(stated.Date, "yyyy-MM-dd", out var day))
            return false;
        return day <= pub && day >= pub.AddDays(-PublicationSlackDays);
    }

    // The mention with the more specific code ("pledged to write off" 033 over "pledged" 030), else the surer one, else the
    // first, keeps its span and code; the other becomes one of its further mentions. The happening is as sure as its surest
    // mention; targets and a stated date pass to the kept event when only the other had them.
    private static EventMention Fold(EventMention a, EventMention b)
    {
        int sa = Specificity(a.Cameo), sb = Specificity(b.Cameo);
        var (keep, other) = sb > sa || (sb == sa && b.Certainty < a.Certainty) ? (b, a) : (a, b);
        if (other.Certainty < keep.Certainty) keep.Certainty = other.Certainty;
        if (keep.Target.Count == 0 && other.Target.Count > 0) keep.Target.AddRange(other.Target);
        if (keep.DateFromPublication && !other.DateFromPublication) { keep.Date = other.Date; keep.DateFromPublication = false; }
        keep.OtherMentions.Add(new EventSpan(other.Start, other.End, other.TriggerStart, other.TriggerEnd));
        keep.OtherMentions.AddRange(other.OtherMentions);
        keep.OtherMentions.Sort((x, y) => x.Start.CompareTo(y.Start));
        return keep;
    }

    // More digits say more; a three-digit code ending in 0 is its root's general code (030, 190).
    private static int Specificity(string cameo) => cameo.Length * 2 - (cameo.Length == 3 && cameo[2] == '0' ? 1 : 0);
}
