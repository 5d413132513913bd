using Dossier.Documents;
using Dossier.Extraction.Events;

namespace Dossier.Tests.Events;

/// <summary>Invariants every coded event keeps, on ordinary and pathological input.</summary>
public class EventInvariantTests
{
    private static readonly EventCoder Coder = new();

    public static TheoryData<string> Texts => new()
    {
        "Russia attacked Iran, and Iran attacked Russia; Israel met Iran. Iran said Russia must leave.",
        // A run-on sentence of coordinated clauses (each inherits the subject of the one before).
        "Russia attacked Iran" + string.Concat(Enumerable.Repeat(", and then attacked Iran", 3000)) + ".",
        // One huge clause with no boundaries.
        "Russia " + string.Concat(Enumerable.Repeat("very ", 5000)) + "attacked Iran.",
        "",
        "attacked",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void EventsAreWellFormed(string text)
    {
        var d = EventTestDocs.Build(text, text.Contains("Russia") ? ["Russia|GPE|Russia", "Iran|GPE|Iran"] : []);
        Coder.Process(d);
        foreach (var e in d.Events)
        {
            Assert.InRange(e.Start, 0, d.Text.Length);
            Assert.InRange(e.End, e.Start + 1, d.Text.Length);
            Assert.True(e.TriggerStart >= e.Start && e.TriggerEnd <= e.End && e.TriggerStart < e.TriggerEnd);
            Assert.True(e.Source.Count + e.Target.Count > 0);
            Assert.All(e.Source.Concat(e.Target), a => Assert.InRange(a, 0, d.Actors.Count - 1));
            Assert.Matches("^[0-9]{2,4}$", e.Cameo);
            Assert.InRange(e.Goldstein, -10, 10);
            Assert.Equal(EventCoder.Component.Id, e.By);
            Assert.False(e.Source.Intersect(e.Target).Any());
        }
    }
}
