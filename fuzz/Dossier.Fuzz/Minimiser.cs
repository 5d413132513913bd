using System.Diagnostics;

namespace Dossier.Fuzz;

/// <summary>Shrinks a failing input while the same failure (same signature) reproduces.</summary>
/// <remarks>
/// First the simpler variants an input offers (metadata left out), then delta debugging on the main sequence: remove
/// chunks of half the length, then a quarter, down to single elements, keeping every cut after which the input still
/// fails the same way, and retrying a chunk size while cuts succeed; a short result then loses every small window it can.
/// Bounded by a number of runs and a time budget; every run goes through the watchdog, so a cut that hangs counts as not
/// reproducing.
/// </remarks>
public static class Minimiser
{
    /// <summary>Inputs shorter than this get the window pass (every window of 2 to <see cref="MaxWindow"/> elements).</summary>
    public const int SlideBelow = 256;
    /// <summary>Widest window of the window pass.</summary>
    public const int MaxWindow = 12;

    /// <summary>The smallest input found and how many runs it took.</summary>
    public readonly record struct Result(FuzzInput Input, int Runs);

    public static Result Run(Target target, FuzzInput input, string signature, Watchdog watchdog, TimeSpan limit, TimeSpan budget, int maxRuns, int maxAbandoned)
    {
        var sw = Stopwatch.StartNew();
        int runs = 0;
        bool Left() => runs < maxRuns && sw.Elapsed < budget && watchdog.Abandoned <= maxAbandoned;
        bool Fails(FuzzInput c)
        {
            runs++;
            var o = watchdog.Run(() => target.Execute(c), limit);
            return o.Error is { } e && Signature.Of(target, e) == signature;
        }

        bool changed = true;
        while (changed && Left())
        {
            changed = false;
            foreach (var s in input.Simpler())
            {
                if (!Left()) break;
                if (Fails(s)) { input = s; changed = true; break; }
            }
        }

        int chunk = Math.Max(1, input.Length / 2);
        while (input.Length > 0 && Left())
        {
            bool cut = false;
            // From the end backwards, so a successful cut does not move the chunks still to try.
            for (int end = input.Length; end > 0 && Left(); end -= chunk)
            {
                int start = Math.Max(0, end - chunk);
                var c = input.Remove(start, end - start);
                if (Fails(c)) { input = c; cut = true; }
            }
            if (cut) continue;
            if (chunk == 1) break;
            chunk /= 2;
        }

        // Chunks are cut at multiples of their size; a short input also tries every small window at every place, which
        // removes what only goes together (a JSON member '"a":"b",' whose halves alone break the syntax).
        for (bool again = input.Length <= SlideBelow; again && Left();)
        {
            again = false;
            for (int w = MaxWindow; w >= 2; w--)
                for (int start = input.Length - w; start >= 0 && Left(); start--)
                {
                    var c = input.Remove(start, w);
                    if (Fails(c)) { input = c; again = true; start = Math.Min(start, input.Length - w + 1); }
                }
        }
        return new Result(input, runs);
    }
}
