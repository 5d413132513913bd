using System.Diagnostics;
using Dossier.Documents;
using Dossier.Extraction.Time;
using Dossier.Text;

namespace Dossier.Evaluation;

/// <summary>The result of a timex evaluation over a folder of TimeML files.</summary>
/// <param name="Scores">TempEval-3 Task A figures over all files (micro-averaged).</param>
/// <param name="Errors">Every missed, spurious, extent, type and value error, and every correct pair (kind <see cref="TimexErrorKind.Correct"/>).</param>
/// <param name="Documents">Files read.</param>
/// <param name="Words">Word tokens tagged (for throughput).</param>
/// <param name="TaggingTime">Time spent in segmenting and tagging only (not reading or scoring).</param>
public sealed record TimexEvalResult(TimexScores Scores, IReadOnlyList<TimexError> Errors, int Documents, long Words, TimeSpan TaggingTime)
{
    /// <summary>Error counts grouped by <see cref="TimexError.KindKey"/>, most common first.</summary>
    public IReadOnlyList<(string Kind, int Count)> ErrorKinds(int top = 10) =>
        Errors.Where(e => e.Kind != TimexErrorKind.Correct).GroupBy(e => e.KindKey).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(top).ToList();

    /// <summary>System timexes per second of tagging time.</summary>
    public double TimexesPerSecond => Scores.System / Math.Max(TaggingTime.TotalSeconds, 1e-9);
    /// <summary>Words per second of tagging time.</summary>
    public double WordsPerSecond => Words / Math.Max(TaggingTime.TotalSeconds, 1e-9);
}

/// <summary>Runs the timex tagger over TimeML files and scores it TempEval-3 style (the CLI's "dossier eval timex DIR").</summary>
/// <remarks>Input is the TEXT content with tags removed; the DCT is the publication date and is not scored.</remarks>
public static class TimexEval
{
    /// <summary>Evaluates every .tml file under <paramref name="dir"/> (recursively); throws DSR234 when there is none.</summary>
    public static TimexEvalResult Run(string dir)
    {
        var files = Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.tml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0) throw new DossierException(Errors.TimeMlNoFiles(dir));
        var segmenter = new Segmenter();
        var tagger = new TimexTagger();
        var scores = TimexScores.Zero;
        var errors = new List<TimexError>();
        long words = 0;
        var clock = new Stopwatch();
        foreach (var f in files)
        {
            var tml = TimeMlReader.Read(f);
            var doc = new Document(tml.Text) { Published = tml.Dct, Id = tml.Id };
            clock.Start();
            segmenter.Process(doc);
            tagger.Process(doc);
            clock.Stop();
            foreach (var t in doc.Tokens) if (t.Kind is TokenKind.Word or TokenKind.Number) words++;
            var gold = tml.Timexes.Select(t => new ScoredTimex(t.Start, t.End, t.Type, t.Value, t.Mod)).ToList();
            var sys = doc.Timexes.Select(t => new ScoredTimex(t.Start, t.End, t.Type, t.Value, t.Mod)).ToList();
            scores += TimexScorer.Score(tml.Id, tml.Text, gold, sys, errors);
        }
        return new TimexEvalResult(scores, errors, files.Length, words, clock.Elapsed);
    }
}
