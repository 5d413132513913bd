using Dossier.Evaluation;
using Dossier.Extraction.Events;
using Dossier.Testing;
using Xunit.Abstractions;
namespace Dossier.Tests.Events;
public class GsrDump(ITestOutputHelper output)
{
    [SharedDataFact("plover", "PLOVER_GSR_CAMEO.shared.json")]
    public void Dump()
    {
        if (Environment.GetEnvironmentVariable("GSR_DUMP") is null) return;
        var records = EventEval.Load(SharedData.File("plover", "PLOVER_GSR_CAMEO.shared.json")!);
        var coder = new EventCoder();
        var lines = new List<string>();
        foreach (var r in records)
        {
            var one = new[] { r };
            var s = EventEval.ScoreWithGoldActors(one, new DumpCoder(coder, lines, r));
        }
        File.WriteAllLines("/tmp/evdbg/gsr.txt", lines);
    }
    private sealed class DumpCoder(EventCoder inner, List<string> lines, GsrRecord r) : Dossier.Pipeline.IComponent
    {
        public Dossier.Pipeline.ComponentInfo Info => inner.Info;
        public void Process(Dossier.Documents.Document d)
        {
            inner.Process(d);
            var evs = string.Join(" | ", d.Events.OrderBy(e => e.TriggerStart).Select(e => $"{d.Slice(e.TriggerStart, e.TriggerEnd)}:{e.Cameo}:{EventEval.Label05(e.Cameo)}:{string.Join(",", e.Source.Select(a => d.Actors[a].Name))}>{string.Join(",", e.Target.Select(a => d.Actors[a].Name))}"));
            var top = d.Events.OrderBy(e => e.TriggerStart).Select(e => EventEval.Label05(e.Cameo)).FirstOrDefault(x => x != null);
            lines.Add($"{(top == r.Event ? "OK " : "BAD")}\t{r.Event}\t{evs}\t{r.Text}");
        }
    }
}
