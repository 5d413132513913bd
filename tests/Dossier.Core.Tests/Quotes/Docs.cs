using Dossier.Documents;
using Dossier.Extraction.Syntax;
using Dossier.Testing;

namespace Dossier.Tests.Quotes;

/// <summary>Hand-built documents for the quotes and claims tests: the real segmenter and parser, and entities and actors
/// that stand in for the ner and actors components.</summary>
internal static class Docs
{
    private static readonly SyntaxComponent Syntax = new();

    /// <summary>
    /// A segmented document with entities given as "surface|TYPE|Actor name" (every occurrence of surface; actors are
    /// created on first use and collect their surfaces as aliases).
    /// </summary>
    public static Document Build(string text, params string[] entities)
    {
        var d = DocBuilder.Segmented(text);
        Syntax.Process(d);
        foreach (var spec in entities)
        {
            var p = spec.Split('|');
            var type = Enum.Parse<EntityType>(p[1]);
            string actorName = p.Length > 2 ? p[2] : p[0];
            int actor = d.Actors.FindIndex(a => a.Name == actorName);
            if (actor < 0)
            {
                d.Actors.Add(new Actor { Id = "a" + (d.Actors.Count + 1), Name = actorName, Type = type, By = "test@0" });
                actor = d.Actors.Count - 1;
            }
            if (p[0] != actorName && !d.Actors[actor].Aliases.Contains(p[0])) d.Actors[actor].Aliases.Add(p[0]);
            for (int at = d.Text.IndexOf(p[0], StringComparison.Ordinal); at >= 0; at = d.Text.IndexOf(p[0], at + p[0].Length, StringComparison.Ordinal))
            {
                // whole words only
                if (at > 0 && char.IsLetterOrDigit(d.Text[at - 1]) || at + p[0].Length < d.Text.Length && char.IsLetterOrDigit(d.Text[at + p[0].Length])) continue;
                if (d.Entities.Any(e => e.Start < at + p[0].Length && e.End > at)) continue;
                d.Entities.Add(new EntityMention { Start = at, End = at + p[0].Length, Type = type, Actor = actor, By = "test@0" });
            }
        }
        d.Entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (int i = 0; i < d.Entities.Count; i++) d.Actors[d.Entities[i].Actor].Mentions.Add(i);
        return d;
    }

    /// <summary>Adds an embedded post whose text and attribution line are given by their first occurrence.</summary>
    public static SocialPost AddPost(this Document d, string postText, string attribution, string author, string handle)
    {
        int ts = d.Text.IndexOf(postText, StringComparison.Ordinal), asn = d.Text.IndexOf(attribution, StringComparison.Ordinal);
        var p = new SocialPost
        {
            Start = ts, End = asn + attribution.Length, TextStart = ts, TextEnd = ts + postText.Length,
            AttributionStart = asn, AttributionEnd = asn + attribution.Length, AuthorName = author, Handle = handle, By = "test@0",
        };
        d.Posts.Add(p);
        return p;
    }

    /// <summary>Name of the actor at an index, or null.</summary>
    public static string? ActorName(this Document d, int actor) => actor >= 0 ? d.Actors[actor].Name : null;

    /// <summary>One line per quote, for failure messages.</summary>
    public static string Dump(Document d) => string.Join("\n", d.Quotes.Select(q =>
        $"{q.Kind} [{d.Slice(q.Start, q.End)}] speaker={q.SpeakerText}→{d.ActorName(q.Speaker)} cue={q.Cue}"));

    /// <summary>One line per claim, for failure messages.</summary>
    public static string DumpClaims(Document d) => string.Join("\n", d.Claims.Select(c =>
        $"{c.Certainty}/{c.Source} [{d.Slice(c.Start, c.End)}] actor={d.ActorName(c.SourceActor)} cue={c.Cue}"));
}
