using Dossier.Actors;
using Dossier.Documents;
using Dossier.Extraction.Syntax;
using Dossier.Testing;

namespace Dossier.Tests.Actors;

/// <summary>One table row: a text, the entity mentions a NER would emit, and what the actors must look like.</summary>
/// <param name="Entities">"surface:TYPE" items separated by ';', with "#n" for the n-th occurrence ("Assad:PERSON#1").</param>
/// <param name="Expect">
/// Checks, one per item: "Name = a, b" (actor exists with these aliases), "Name : TYPE", "Name !~ x" (x is not an alias),
/// "role Name = Title of Of [qualifier]" (Of may be "-" for none), "noroles Name", "unlinked surface#n", "metonym surface#n",
/// "place surface#n" (linked, not a metonym), "same a#n | b#m" / "apart a#n | b#m" (two mentions share / do not share an actor),
/// "code Name = CODE", "count N".
/// </param>
public sealed record ActorCase(string Label, string Text, string Entities, string[] Expect, string? Published = "2024-06-01")
{
    public override string ToString() => Label;
}

/// <summary>Runs table rows of <see cref="ActorCase"/> through the actors component; subclasses supply the rows.</summary>
public abstract class ActorCaseBase
{
    /// <summary>The real parser: roles read the syntax layer.</summary>
    protected static readonly SyntaxComponent Parser = new();

    protected static Document Run(ActorCase c, Action<Document>? more = null)
    {
        var d = DocBuilder.Segmented(c.Text, c.Published);
        Parser.Process(d);
        foreach (var item in c.Entities.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = item.LastIndexOf(':');
            string surface = item[..colon];
            string type = item[(colon + 1)..];
            int occ = 0;
            int hash = type.IndexOf('#');
            if (hash >= 0) { occ = int.Parse(type[(hash + 1)..]); type = type[..hash]; }
            d.AddEntity(surface, Enum.Parse<EntityType>(type), occ);
        }
        more?.Invoke(d);
        new ActorLinker().Process(d);
        return d;
    }

    protected static void Check(ActorCase c, Action<Document>? more = null)
    {
        var d = Run(c, more);
        string dump = Dump(d);
        foreach (var x in c.Expect) CheckOne(d, x.Trim(), dump);
    }

    private static void CheckOne(Document d, string x, string dump)
    {
        void True(bool ok, string what) { if (!ok) throw new Xunit.Sdk.XunitException($"{what}\n{dump}"); }
        if (x.StartsWith("count ")) { True(d.Actors.Count == int.Parse(x[6..]), $"expected {x}"); return; }
        if (x.StartsWith("role "))
        {
            var (name, rest) = Split(x[5..], " = ");
            var a = Actor(d, name, dump);
            string? qual = null;
            if (rest.EndsWith(']')) { int b = rest.LastIndexOf('['); qual = rest[(b + 1)..^1]; rest = rest[..b].Trim(); }
            int of = rest.LastIndexOf(" of ", StringComparison.Ordinal);
            string title = of < 0 ? rest : rest[..of];
            string? ofName = of < 0 ? null : rest[(of + 4)..];
            if (ofName == "-") ofName = null;
            True(a.Roles.Any(r => r.Title == title && r.Of == ofName && r.Qualifier == qual), $"expected {x}");
            return;
        }
        if (x.StartsWith("nocode ")) { True(!Actor(d, x[7..], dump).Codes.ContainsKey("cameo"), $"expected {x}"); return; }
        if (x.StartsWith("noroles ")) { True(Actor(d, x[8..], dump).Roles.Count == 0, $"expected {x}"); return; }
        if (x.StartsWith("code "))
        {
            var (name, code) = Split(x[5..], " = ");
            True(Actor(d, name, dump).Codes.GetValueOrDefault("cameo") == code, $"expected {x}");
            return;
        }
        if (x.StartsWith("unlinked ")) { True(Mention(d, x[9..]).Actor < 0, $"expected {x}"); return; }
        if (x.StartsWith("metonym ")) { var m = Mention(d, x[8..]); True(m.Actor >= 0 && m.Metonym, $"expected {x}"); return; }
        if (x.StartsWith("place ")) { var m = Mention(d, x[6..]); True(m.Actor >= 0 && !m.Metonym, $"expected {x}"); return; }
        if (x.StartsWith("same ") || x.StartsWith("apart "))
        {
            var p = x[(x.IndexOf(' ') + 1)..].Split(" | ");
            var (m1, m2) = (Mention(d, p[0]), Mention(d, p[1]));
            bool same = m1.Actor >= 0 && m1.Actor == m2.Actor;
            True(x.StartsWith("same ") ? same : !same, $"expected {x}");
            return;
        }
        if (x.Contains(" !~ "))
        {
            var (name, alias) = Split(x, " !~ ");
            True(!Actor(d, name, dump).Aliases.Contains(alias), $"expected {x}");
            return;
        }
        if (x.Contains(" : "))
        {
            var (name, type) = Split(x, " : ");
            True(Actor(d, name, dump).Type.ToString() == type, $"expected {x}");
            return;
        }
        var (n, aliases) = x.Contains(" = ") ? Split(x, " = ") : (x, "");
        var actor = Actor(d, n, dump);
        foreach (var al in aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            True(actor.Aliases.Contains(al), $"{n}: alias '{al}' missing");
    }

    private static (string, string) Split(string s, string sep)
    {
        int i = s.IndexOf(sep, StringComparison.Ordinal);
        return (s[..i].Trim(), s[(i + sep.Length)..].Trim());
    }

    private static Actor Actor(Document d, string name, string dump) =>
        d.Actors.FirstOrDefault(a => a.Name == name) ?? throw new Xunit.Sdk.XunitException($"no actor '{name}'\n{dump}");

    private static EntityMention Mention(Document d, string spec)
    {
        int occ = 0;
        int hash = spec.LastIndexOf('#');
        if (hash > 0) { occ = int.Parse(spec[(hash + 1)..]); spec = spec[..hash]; }
        int at = -1;
        for (int k = 0; k <= occ; k++) at = d.Text.IndexOf(spec, at + 1, StringComparison.Ordinal);
        return d.Entities.First(e => e.Start == at && d.Slice(e.Start, e.End) == spec);
    }

    /// <summary>A readable listing of the actors, for failure messages.</summary>
    protected static string Dump(Document d) => string.Join("\n", d.Actors.Select(a =>
        $"{a.Id} {a.Name} {a.Type} [{string.Join(", ", a.Aliases)}] {string.Join(",", a.Codes.Select(k => k.Key + "=" + k.Value))} " +
        $"roles: {string.Join("; ", a.Roles.Select(r => $"{r.Qualifier} {r.Title} of {r.Of} {r.Start}..{r.End}"))} | {string.Join(" | ", a.Evidence)}"));
}
