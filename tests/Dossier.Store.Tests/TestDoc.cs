using Dossier.Documents;
using Dossier.Testing;

namespace Dossier.Tests;

/// <summary>Builds a processed document by hand (actors, mentions, quotes, events) for store tests.</summary>
internal sealed class TestDoc
{
    public Document Doc { get; }

    public TestDoc(string text, string? published = "2025-01-15", string? title = null, string? id = null)
    {
        Doc = DocBuilder.Segmented(text, published);
        Doc.Title = title;
        Doc.Id = id;
        Doc.Source = "test";
    }

    /// <summary>Adds an actor and a mention for every occurrence of its name and aliases not inside another mention.</summary>
    public int Actor(string name, EntityType type, params string[] aliases)
    {
        int index = Doc.Actors.Count;
        var a = new Actor { Id = "a" + (index + 1), Name = name, Type = type, By = "test@0" };
        a.Aliases.AddRange(aliases);
        Doc.Actors.Add(a);
        foreach (var surface in aliases.Prepend(name).OrderByDescending(s => s.Length))
            for (int at = Doc.Text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = Doc.Text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                int end = at + surface.Length;
                if (Doc.Entities.Any(e => e.Start < end && at < e.End)) continue;
                Doc.Entities.Add(new EntityMention { Start = at, End = end, Type = type, Actor = index, By = "test@0" });
            }
        Doc.Entities.Sort((x, y) => x.Start.CompareTo(y.Start));
        // Mention indexes are positions in the sorted entity list.
        foreach (var act in Doc.Actors) act.Mentions.Clear();
        for (int i = 0; i < Doc.Entities.Count; i++) if (Doc.Entities[i].Actor >= 0) Doc.Actors[Doc.Entities[i].Actor].Mentions.Add(i);
        return index;
    }

    public TestDoc Role(int actor, string title, string? of, string? start = null, string? end = null)
    {
        Doc.Actors[actor].Roles.Add(new Role(title, of, null, start, end));
        return this;
    }

    /// <summary>A role stated by <paramref name="evidence"/> (its first occurrence).</summary>
    public TestDoc Role(int actor, string title, string? of, string evidence)
    {
        int at = Doc.Text.IndexOf(evidence, StringComparison.Ordinal);
        Doc.Actors[actor].Roles.Add(new Role(title, of) { EvidenceStart = at, EvidenceEnd = at + evidence.Length });
        return this;
    }

    /// <summary>A reported quote whose speaker phrase is <paramref name="speakerText"/>: its last occurrence before the content.</summary>
    public TestDoc Quote(string content, int speaker, string speakerText)
    {
        int at = Doc.Text.IndexOf(content, StringComparison.Ordinal);
        int sp = Doc.Text.LastIndexOf(speakerText, at, StringComparison.Ordinal);
        Doc.Quotes.Add(new Quote
        {
            Start = at, End = at + content.Length, Kind = QuoteKind.Indirect, Speaker = speaker, Cue = "said", By = "test@0",
            SpeakerText = speakerText, SpeakerStart = sp, SpeakerEnd = sp + speakerText.Length,
        });
        return this;
    }

    /// <summary>A claim on the authority of a named source (as the claims component makes from a quote).</summary>
    public TestDoc Claim(string text, int source)
    {
        int at = Doc.Text.IndexOf(text, StringComparison.Ordinal);
        Doc.Claims.Add(new Claim { Start = at, End = at + text.Length, Certainty = Certainty.Reported, Source = ClaimSource.Named, SourceActor = source, By = "test@0" });
        return this;
    }

    public TestDoc Quote(string content, int speaker)
    {
        int at = Doc.Text.IndexOf(content, StringComparison.Ordinal);
        Doc.Quotes.Add(new Quote { Start = at, End = at + content.Length, Kind = QuoteKind.Direct, Speaker = speaker, Cue = "said", By = "test@0" });
        return this;
    }

    public TestDoc Event(string trigger, int source, int target, string cameo, string? date, double goldstein = 1, string plover = "CONSULT", bool negated = false)
    {
        int at = Doc.Text.IndexOf(trigger, StringComparison.Ordinal);
        int s = Doc.SentenceAt(at);
        var ev = new EventMention
        {
            Start = Doc.Sentences[s].Start, End = Doc.Sentences[s].End, TriggerStart = at, TriggerEnd = at + trigger.Length,
            Cameo = cameo, Plover = plover, Goldstein = goldstein, Date = date, Negated = negated, By = "test@0",
        };
        ev.Source.Add(source);
        ev.Target.Add(target);
        Doc.Events.Add(ev);
        return this;
    }

    public TestDoc Timex(string text, string value)
    {
        int at = Doc.Text.IndexOf(text, StringComparison.Ordinal);
        Doc.Timexes.Add(new Timex { Start = at, End = at + text.Length, Type = TimexType.DATE, Value = value, By = "test@0" });
        return this;
    }

    public TestDoc Claim(string text)
    {
        int at = Doc.Text.IndexOf(text, StringComparison.Ordinal);
        Doc.Claims.Add(new Claim { Start = at, End = at + text.Length, Certainty = Certainty.Reported, Source = ClaimSource.Unnamed, By = "test@0" });
        return this;
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dossier-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}
