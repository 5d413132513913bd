using System.Diagnostics;

namespace Dossier.Fuzz;

/// <summary>Shrinks a failing input while the same failure (same signature) reproduces.</summary>
/// <remarks>
/// First the simpler variants an input offers (metadata left out), then delta debugging on the main sequence: remove
/// chunks of half the length, then a quarter, down to single elements, keeping every cut after which the input still
/// fails the same way, and retrying a chunk size while cuts succeed. Bounded by a number of runs and a time budget; every
/// run goes through the watchdog, so a cut that hangs counts as not reproducing.
/// </remarks>
public static class Minimiser
{
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
        return new Result(input, runs);
    }
}
