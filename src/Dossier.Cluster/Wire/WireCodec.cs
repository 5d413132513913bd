using System.Text;
using Dossier.Documents;
using Dossier.Text;

namespace Dossier.Cluster.Wire;

/// <summary>The binary form in which raw articles travel to a silo and extracted documents travel back.</summary>
/// <remarks>
/// A document is a graph of plain classes in Core, which knows nothing of Orleans; rather than teach Orleans' serializer
/// every layer type (attributes in Core, or a surrogate per type), a silo's reply carries the document as one byte array
/// written here, field by field, in the order of <see cref="Document"/> and <c>Layers.cs</c>. What travels is everything
/// a stored document is made of: text, offset map, metadata, tokens, sentences, syntax, posts, entities, actors, time
/// expressions, quotes, claims, events and warnings. The ad-hoc typed data components attach (<c>Document.Get</c>) is
/// the pipeline's scratch space and stays on the silo. A leading format byte lets a newer build refuse an older one's
/// bytes (DSR608) instead of misreading them. Every method is thread-safe (no shared state).
/// </remarks>
public static class WireCodec
{
    /// <summary>The format this build writes and reads.</summary>
    public const byte Format = 1;

    // --- raw articles ---

    /// <summary>A raw article as bytes.</summary>
    public static byte[] Encode(RawArticle a)
    {
        using var ms = new MemoryStream(a.Body.Length * 2 + 256);
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Format);
            w.Write(a.Source);
            WriteInt(w, a.Line);
            WriteStr(w, a.Id); WriteStr(w, a.Title); WriteStr(w, a.Published);
            w.Write(a.PublishedIsFallback);
            WriteStr(w, a.Url); WriteStr(w, a.Byline);
            w.Write(a.Body);
            w.Write((byte)a.Format);
            WriteErrors(w, a.Warnings);
        }
        return ms.ToArray();
    }

    /// <summary>The raw article <see cref="Encode(RawArticle)"/> wrote.</summary>
    /// <exception cref="DossierException">DSR608 when the bytes are not this format.</exception>
    public static RawArticle DecodeRaw(byte[] bytes) => Read(bytes, r => new RawArticle
    {
        Source = r.ReadString(),
        Line = ReadInt(r),
        Id = ReadStr(r), Title = ReadStr(r), Published = ReadStr(r),
        PublishedIsFallback = r.ReadBoolean(),
        Url = ReadStr(r), Byline = ReadStr(r),
        Body = r.ReadString(),
        Format = (InputFormat)r.ReadByte(),
        Warnings = ReadErrors(r),
    });

    // --- documents ---

    /// <summary>A processed document as bytes.</summary>
    public static byte[] Encode(Document d)
    {
        using var ms = new MemoryStream(d.Text.Length * 4 + 1024);
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Format);
            w.Write(d.Text);
            var clean = d.RawMap.CleanAnchors;
            var raw = d.RawMap.RawAnchors;
            w.Write(clean.Length);
            for (int i = 0; i < clean.Length; i++) { w.Write(clean[i]); w.Write(raw[i]); }
            WriteStr(w, d.Id); WriteStr(w, d.Title);
            WriteInt(w, d.Published?.DayNumber);
            w.Write(d.PublishedAt.HasValue);
            if (d.PublishedAt is { } at) { w.Write(at.Ticks); w.Write((short)at.Offset.TotalMinutes); }
            w.Write((int)d.PublishedFrom);
            WriteStr(w, d.Source); WriteStr(w, d.Url); WriteStr(w, d.Byline);

            w.Write(d.Tokens.Length);
            foreach (var t in d.Tokens) { w.Write(t.Start); w.Write(t.End); w.Write((byte)t.Kind); w.Write((ushort)t.Flags); }
            w.Write(d.Sentences.Length);
            foreach (var s in d.Sentences) { w.Write(s.Start); w.Write(s.End); w.Write(s.FirstToken); w.Write(s.TokenEnd); }
            w.Write(d.Syntax is not null);
            if (d.Syntax is { } syn)
            {
                int n = syn.Tags.Length;
                w.Write(n);
                // Lemmas and relations repeat a lot: each distinct string is written once, then referred to by number.
                var table = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < n; i++)
                {
                    w.Write((byte)syn.Tags[i]); w.Write(syn.Heads[i]);
                    Interned(w, table, syn.Lemmas[i]); Interned(w, table, syn.Relations[i]);
                }
            }

            w.Write(d.Posts.Count);
            foreach (var p in d.Posts)
            {
                w.Write(p.Start); w.Write(p.End); w.Write(p.TextStart); w.Write(p.TextEnd); w.Write(p.AttributionStart); w.Write(p.AttributionEnd);
                WriteStr(w, p.Handle); WriteStr(w, p.AuthorName); WriteInt(w, p.Date?.DayNumber); WriteStr(w, p.Url); w.Write(p.Platform); w.Write(p.By);
            }
            w.Write(d.Entities.Count);
            foreach (var e in d.Entities)
            {
                w.Write(e.Start); w.Write(e.End); w.Write((byte)e.Type); w.Write(e.By); w.Write(e.Actor);
                w.Write(e.Value.HasValue); if (e.Value is { } v) w.Write(v);
                WriteStr(w, e.Currency); w.Write(e.Metonym); w.Write(e.Description); w.Write(e.Score);
            }
            w.Write(d.Actors.Count);
            foreach (var a in d.Actors)
            {
                w.Write(a.Id); w.Write(a.Name); w.Write((byte)a.Type); w.Write(a.By);
                WriteStrings(w, a.Aliases);
                w.Write(a.Roles.Count);
                foreach (var r in a.Roles)
                {
                    w.Write(r.Title); WriteStr(w, r.Of); WriteStr(w, r.Qualifier); WriteStr(w, r.Start); WriteStr(w, r.End);
                    w.Write(r.EvidenceStart); w.Write(r.EvidenceEnd);
                }
                w.Write(a.Codes.Count);
                foreach (var (k, v) in a.Codes) { w.Write(k); w.Write(v); }
                WriteInts(w, a.Mentions);
                WriteStrings(w, a.Evidence);
            }
            w.Write(d.Timexes.Count);
            foreach (var t in d.Timexes) { w.Write(t.Start); w.Write(t.End); w.Write((byte)t.Type); w.Write(t.Value); WriteStr(w, t.Mod); w.Write(t.By); }
            w.Write(d.Quotes.Count);
            foreach (var q in d.Quotes)
            {
                w.Write(q.Start); w.Write(q.End); w.Write((byte)q.Kind); w.Write(q.Speaker); WriteStr(w, q.SpeakerText);
                w.Write(q.SpeakerStart); w.Write(q.SpeakerEnd); WriteStr(w, q.Cue); w.Write(q.CueStart); w.Write(q.CueEnd); w.Write(q.By);
            }
            w.Write(d.Claims.Count);
            foreach (var c in d.Claims)
            {
                w.Write(c.Start); w.Write(c.End); w.Write((byte)c.Certainty); w.Write((byte)c.Source); w.Write(c.SourceActor);
                WriteStr(w, c.Cue); w.Write(c.Negated); w.Write(c.By);
            }
            w.Write(d.Events.Count);
            foreach (var e in d.Events)
            {
                w.Write(e.Start); w.Write(e.End); w.Write(e.TriggerStart); w.Write(e.TriggerEnd);
                WriteInts(w, e.Source); WriteInts(w, e.Target);
                w.Write(e.Cameo); WriteStr(w, e.Plover); WriteStr(w, e.PloverMode); w.Write(e.Goldstein); WriteStr(w, e.Date);
                w.Write(e.DateFromPublication); w.Write((byte)e.Certainty); w.Write(e.Negated); w.Write(e.By);
                w.Write(e.OtherMentions.Count);
                foreach (var m in e.OtherMentions) { w.Write(m.Start); w.Write(m.End); w.Write(m.TriggerStart); w.Write(m.TriggerEnd); }
            }
            WriteErrors(w, d.Warnings);
        }
        return ms.ToArray();
    }

    /// <summary>The document <see cref="Encode(Document)"/> wrote.</summary>
    /// <exception cref="DossierException">DSR608 when the bytes are not this format.</exception>
    public static Document DecodeDocument(byte[] bytes) => Read(bytes, r =>
    {
        var text = r.ReadString();
        int anchors = r.ReadInt32();
        var clean = new int[anchors];
        var raw = new int[anchors];
        for (int i = 0; i < anchors; i++) { clean[i] = r.ReadInt32(); raw[i] = r.ReadInt32(); }
        var d = new Document(text, new OffsetMap(clean, raw))
        {
            Id = ReadStr(r), Title = ReadStr(r),
        };
        if (ReadInt(r) is { } day) d.Published = DateOnly.FromDayNumber(day);
        if (r.ReadBoolean())
        {
            long ticks = r.ReadInt64();
            d.PublishedAt = new DateTimeOffset(ticks, TimeSpan.FromMinutes(r.ReadInt16()));
        }
        d.PublishedFrom = (DateSource)r.ReadInt32();
        d.Source = ReadStr(r); d.Url = ReadStr(r); d.Byline = ReadStr(r);

        var tokens = new Token[r.ReadInt32()];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = new Token(r.ReadInt32(), r.ReadInt32(), (TokenKind)r.ReadByte(), (TokenFlags)r.ReadUInt16());
        d.Tokens = tokens;
        var sentences = new Sentence[r.ReadInt32()];
        for (int i = 0; i < sentences.Length; i++) sentences[i] = new Sentence(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        d.Sentences = sentences;
        if (r.ReadBoolean())
        {
            int n = r.ReadInt32();
            var syn = new SyntaxLayer(n);
            var table = new List<string>();
            for (int i = 0; i < n; i++)
            {
                syn.Tags[i] = (Upos)r.ReadByte(); syn.Heads[i] = r.ReadInt32();
                syn.Lemmas[i] = Interned(r, table); syn.Relations[i] = Interned(r, table);
            }
            d.Syntax = syn;
        }

        for (int i = r.ReadInt32(); i > 0; i--)
            d.Posts.Add(new SocialPost
            {
                Start = r.ReadInt32(), End = r.ReadInt32(), TextStart = r.ReadInt32(), TextEnd = r.ReadInt32(),
                AttributionStart = r.ReadInt32(), AttributionEnd = r.ReadInt32(),
                Handle = ReadStr(r), AuthorName = ReadStr(r), Date = ReadInt(r) is { } pd ? DateOnly.FromDayNumber(pd) : null,
                Url = ReadStr(r), Platform = r.ReadString(), By = r.ReadString(),
            });
        for (int i = r.ReadInt32(); i > 0; i--)
            d.Entities.Add(new EntityMention
            {
                Start = r.ReadInt32(), End = r.ReadInt32(), Type = (EntityType)r.ReadByte(), By = r.ReadString(), Actor = r.ReadInt32(),
                Value = r.ReadBoolean() ? r.ReadDecimal() : null,
                Currency = ReadStr(r), Metonym = r.ReadBoolean(), Description = r.ReadBoolean(), Score = r.ReadSingle(),
            });
        for (int i = r.ReadInt32(); i > 0; i--)
        {
            var a = new Actor { Id = r.ReadString(), Name = r.ReadString(), Type = (EntityType)r.ReadByte(), By = r.ReadString() };
            ReadStrings(r, a.Aliases);
            for (int k = r.ReadInt32(); k > 0; k--)
                a.Roles.Add(new Role(r.ReadString(), ReadStr(r), ReadStr(r), ReadStr(r), ReadStr(r)) { EvidenceStart = r.ReadInt32(), EvidenceEnd = r.ReadInt32() });
            for (int k = r.ReadInt32(); k > 0; k--) { var key = r.ReadString(); a.Codes[key] = r.ReadString(); }
            ReadInts(r, a.Mentions);
            ReadStrings(r, a.Evidence);
            d.Actors.Add(a);
        }
        for (int i = r.ReadInt32(); i > 0; i--)
            d.Timexes.Add(new Timex { Start = r.ReadInt32(), End = r.ReadInt32(), Type = (TimexType)r.ReadByte(), Value = r.ReadString(), Mod = ReadStr(r), By = r.ReadString() });
        for (int i = r.ReadInt32(); i > 0; i--)
            d.Quotes.Add(new Quote
            {
                Start = r.ReadInt32(), End = r.ReadInt32(), Kind = (QuoteKind)r.ReadByte(), Speaker = r.ReadInt32(), SpeakerText = ReadStr(r),
                SpeakerStart = r.ReadInt32(), SpeakerEnd = r.ReadInt32(), Cue = ReadStr(r), CueStart = r.ReadInt32(), CueEnd = r.ReadInt32(), By = r.ReadString(),
            });
        for (int i = r.ReadInt32(); i > 0; i--)
            d.Claims.Add(new Claim
            {
                Start = r.ReadInt32(), End = r.ReadInt32(), Certainty = (Certainty)r.ReadByte(), Source = (ClaimSource)r.ReadByte(),
                SourceActor = r.ReadInt32(), Cue = ReadStr(r), Negated = r.ReadBoolean(), By = r.ReadString(),
            });
        for (int i = r.ReadInt32(); i > 0; i--)
        {
            var e = new EventMention { Start = r.ReadInt32(), End = r.ReadInt32(), TriggerStart = r.ReadInt32(), TriggerEnd = r.ReadInt32() };
            ReadInts(r, e.Source); ReadInts(r, e.Target);
            e.Cameo = r.ReadString(); e.Plover = ReadStr(r); e.PloverMode = ReadStr(r); e.Goldstein = r.ReadDouble(); e.Date = ReadStr(r);
            e.DateFromPublication = r.ReadBoolean(); e.Certainty = (Certainty)r.ReadByte(); e.Negated = r.ReadBoolean(); e.By = r.ReadString();
            for (int k = r.ReadInt32(); k > 0; k--) e.OtherMentions.Add(new EventSpan(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32()));
            d.Events.Add(e);
        }
        d.Warnings.AddRange(ReadErrors(r));
        return d;
    });

    // --- helpers ---

    private static T Read<T>(byte[] bytes, Func<BinaryReader, T> read)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            byte format = r.ReadByte();
            if (format != Format) throw new DossierException(Errors.BadWireData($"format {format}, this build reads {Format}"));
            var value = read(r);
            if (r.BaseStream.Position != bytes.Length) throw new DossierException(Errors.BadWireData("bytes left over"));
            return value;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException or OverflowException)
        {
            throw new DossierException(Errors.BadWireData(e.Message));
        }
    }

    private static void WriteStr(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadStr(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteInt(BinaryWriter w, int? v)
    {
        w.Write(v.HasValue);
        if (v is { } x) w.Write(x);
    }

    private static int? ReadInt(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static void WriteStrings(BinaryWriter w, List<string> list)
    {
        w.Write(list.Count);
        foreach (var s in list) w.Write(s);
    }

    private static void ReadStrings(BinaryReader r, List<string> into)
    {
        for (int n = r.ReadInt32(); n > 0; n--) into.Add(r.ReadString());
    }

    private static void WriteInts(BinaryWriter w, List<int> list)
    {
        w.Write(list.Count);
        foreach (var v in list) w.Write(v);
    }

    private static void ReadInts(BinaryReader r, List<int> into)
    {
        for (int n = r.ReadInt32(); n > 0; n--) into.Add(r.ReadInt32());
    }

    private static void WriteErrors(BinaryWriter w, IReadOnlyList<DossierError> errors)
    {
        w.Write(errors.Count);
        foreach (var e in errors) { w.Write(e.Code); w.Write(e.Message); }
    }

    private static List<DossierError> ReadErrors(BinaryReader r)
    {
        var list = new List<DossierError>();
        for (int n = r.ReadInt32(); n > 0; n--) list.Add(new DossierError(r.ReadString(), r.ReadString()));
        return list;
    }

    // A string seen before in this document is written as its number (≥ 0); a new one as -1 and the string. Null is -2.
    private static void Interned(BinaryWriter w, Dictionary<string, int> table, string? s)
    {
        if (s is null) { w.Write(-2); return; }
        if (table.TryGetValue(s, out int id)) { w.Write(id); return; }
        table[s] = table.Count;
        w.Write(-1);
        w.Write(s);
    }

    private static string Interned(BinaryReader r, List<string> table)
    {
        int id = r.ReadInt32();
        if (id == -2) return null!;
        if (id >= 0) return table[id];
        var s = r.ReadString();
        table.Add(s);
        return s;
    }
}
