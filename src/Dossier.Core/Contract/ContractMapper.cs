using Dossier.Documents;

namespace Dossier.Contract;

/// <summary>Turns a processed <see cref="Document"/> into its contract record (and nothing else: no logic of extraction here).</summary>
public static class ContractMapper
{
    /// <summary>Maps a document; <paramref name="actorId"/> can rewrite document-local actor ids (the store passes canonical ids);
    /// <paramref name="withSyntax"/> adds every token with its syntax (when the syntax layer is present).</summary>
    public static ArticleRecord ToRecord(Document d, string? pipeline = null, Func<int, string>? actorId = null, bool withSyntax = false)
    {
        string? Aid(int i) => i < 0 || i >= d.Actors.Count ? null : actorId != null ? actorId(i) : d.Actors[i].Id;
        return new ArticleRecord
        {
            Id = d.Id,
            Title = d.Title,
            Published = d.PublishedAt is { } at ? at.ToString("yyyy-MM-dd'T'HH:mm:ssK") : d.Published?.ToString("yyyy-MM-dd"),
            // A date set by whoever built the document, with no source recorded, is the input's.
            PublishedFrom = Dossier.Text.PublicationDates.Name(d.Published is null ? Dossier.Text.DateSource.None
                : d.PublishedFrom == Dossier.Text.DateSource.None ? Dossier.Text.DateSource.Input : d.PublishedFrom),
            Source = d.Source,
            Url = d.Url,
            Byline = d.Byline,
            Pipeline = pipeline,
            Text = d.Text,
            Sentences = d.Sentences.Select(s => new SentenceRecord(s.Start, s.End)).ToList(),
            Tokens = withSyntax && d.Syntax is { } syn
                ? d.Tokens.Select((t, i) => new TokenRecord
                {
                    Start = t.Start, End = t.End, Upos = UposNames.Name(syn.Tags[i]), Lemma = syn.Lemmas[i], Head = syn.Heads[i], Deprel = syn.Relations[i],
                }).ToList()
                : null,
            Entities = d.Entities.Select(e => new EntityRecord
            {
                Start = e.Start, End = e.End, Text = d.Slice(e.Start, e.End), Type = e.Type.ToString(),
                Actor = Aid(e.Actor), By = e.By, Value = e.Value, Currency = e.Currency, Metonym = e.Metonym, Description = e.Description,
            }).ToList(),
            Actors = d.Actors.Select((a, i) => new ActorRecord
            {
                Id = Aid(i)!, Name = a.Name, Type = a.Type.ToString(), Aliases = a.Aliases.ToList(),
                Roles = a.Roles.Select(r => new RoleRecord { Title = r.Title, Of = r.Of, Qualifier = r.Qualifier, Start = r.Start, End = r.End }).ToList(),
                Codes = new Dictionary<string, string>(a.Codes), Mentions = a.Mentions.Count,
                Evidence = a.Evidence.Count > 0 ? a.Evidence.ToList() : null, By = a.By,
            }).ToList(),
            Timexes = d.Timexes.Select(t => new TimexRecord
            {
                Start = t.Start, End = t.End, Text = d.Slice(t.Start, t.End), Type = t.Type.ToString(), Value = t.Value, Mod = t.Mod, By = t.By,
            }).ToList(),
            Quotes = d.Quotes.Select(q => new QuoteRecord
            {
                Start = q.Start, End = q.End, Text = d.Slice(q.Start, q.End), Kind = q.Kind.ToString().ToLowerInvariant(),
                Speaker = Aid(q.Speaker), SpeakerText = q.SpeakerText, Cue = q.Cue, By = q.By,
                SpeakerStart = q.SpeakerStart >= 0 ? q.SpeakerStart : null, SpeakerEnd = q.SpeakerStart >= 0 ? q.SpeakerEnd : null,
                CueStart = q.CueStart >= 0 ? q.CueStart : null, CueEnd = q.CueStart >= 0 ? q.CueEnd : null,
            }).ToList(),
            Claims = d.Claims.Select(c => new ClaimRecord
            {
                Start = c.Start, End = c.End, Text = d.Slice(c.Start, c.End), Certainty = c.Certainty.ToString().ToLowerInvariant(),
                Source = c.Source.ToString().ToLowerInvariant(), SourceActor = Aid(c.SourceActor), Cue = c.Cue, Negated = c.Negated, By = c.By,
            }).ToList(),
            Events = d.Events.Select(e => new EventRecord
            {
                Start = e.Start, End = e.End, Text = d.Slice(e.Start, e.End), Trigger = d.Slice(e.TriggerStart, e.TriggerEnd),
                Source = e.Source.Select(Aid).OfType<string>().ToList(), Target = e.Target.Select(Aid).OfType<string>().ToList(),
                Cameo = e.Cameo, Plover = e.Plover, PloverMode = e.PloverMode, Goldstein = e.Goldstein, Date = e.Date,
                DateFromPublication = e.DateFromPublication, Certainty = e.Certainty.ToString().ToLowerInvariant(), Negated = e.Negated, By = e.By,
                OtherMentions = e.OtherMentions.Count == 0 ? null : e.OtherMentions.Select(m => new EventSpanRecord
                {
                    Start = m.Start, End = m.End, Trigger = d.Slice(m.TriggerStart, m.TriggerEnd), TriggerStart = m.TriggerStart,
                }).ToList(),
            }).ToList(),
            Posts = d.Posts.Select(p => new PostRecord
            {
                Start = p.Start, End = p.End, Text = d.Slice(p.TextStart, p.TextEnd), Handle = p.Handle, Author = p.AuthorName,
                Date = p.Date?.ToString("yyyy-MM-dd"), Url = p.Url, Platform = p.Platform, By = p.By,
            }).ToList(),
        };
    }
}
