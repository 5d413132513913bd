using Dossier.Actors;
using Dossier.Documents;
using Dossier.Extraction.Syntax;
using Dossier.Testing;

namespace Dossier.Tests.Events;

/// <summary>Builds hand-made documents for event tests from compact specs.</summary>
internal static class EventTestDocs
{
    private static readonly SyntaxComponent Syntax = new();

    /// <summary>
    /// A segmented and parsed document with entities "surface|TYPE|Actor[|occurrence]" (each actor created once, by name)
    /// and timexes "surface|value".
    /// </summary>
    public static Document Build(string text, string[] entities, string[]? timexes = null, string published = "2025-02-12")
    {
        var d = DocBuilder.Segmented(text, published);
        Syntax.Process(d);
        var actors = new Dictionary<string, int>();
        foreach (var spec in entities)
        {
            var p = spec.Split('|');
            var type = Enum.Parse<EntityType>(p[1]);
            var e = d.AddEntity(p[0], type, p.Length > 3 ? int.Parse(p[3]) : 0);
            if (!actors.TryGetValue(p[2], out int a))
            {
                a = d.Actors.Count;
                var name = p[2].Split('#');
                var actor = new Actor { Id = "a" + (a + 1), Name = name[0], Type = type == EntityType.NORP ? EntityType.GPE : type, By = "test@0" };
                // As the actor layer does: a country carries its ISO and CAMEO codes, a town its country's CAMEO code
                // ("Kharkiv" stands in for a town of a country these documents do not name: XXX); "Name#CODE" gives any
                // actor a CAMEO code ("Biden#USAGOV").
                if (name.Length > 1) actor.Codes["cameo"] = name[1];
                else if (actor.Type == EntityType.GPE && CountryTable.Default.TryFind(name[0], out var hit) && hit.Kind == CountryNameKind.Name)
                {
                    actor.Codes["cameo"] = hit.Country.Iso3;
                    actor.Codes["iso3"] = hit.Country.Iso3;
                }
                else if (actor.Type == EntityType.GPE) actor.Codes["cameo"] = "XXX";
                d.Actors.Add(actor);
                actors[p[2]] = a;
            }
            e.Actor = a;
        }
        // AddEntity sorts entities, so record actor mentions after all are placed.
        for (int i = 0; i < d.Entities.Count; i++) d.Actors[d.Entities[i].Actor].Mentions.Add(i);
        foreach (var spec in timexes ?? [])
        {
            var p = spec.Split('|');
            int at = d.Text.IndexOf(p[0], StringComparison.Ordinal);
            d.Timexes.Add(new Timex { Start = at, End = at + p[0].Length, Type = p[1].Contains('T') ? TimexType.TIME : TimexType.DATE, Value = p[1], By = "test@0" });
        }
        return d;
    }

    /// <summary>Renders an event as "Source>Target:CAMEO" with flags (!neg, ?certainty, @date).</summary>
    public static string Render(Document d, EventMention e)
    {
        string names(List<int> l) => l.Count == 0 ? "-" : string.Join("+", l.Select(a => d.Actors[a].Name));
        var s = $"{names(e.Source)}>{names(e.Target)}:{e.Cameo}";
        if (e.Negated) s += " !neg";
        if (e.Certainty != Certainty.Asserted) s += " ?" + e.Certainty.ToString().ToLowerInvariant();
        if (e.Date != null && !e.DateFromPublication) s += " @" + e.Date;
        return s;
    }
}
