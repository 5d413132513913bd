namespace Dossier.Extraction.Syntax;

/// <summary>Pseudo-projective parsing (Nivre and Nilsson 2005, the "head" encoding): non-projective trees are made
/// projective for training by lifting arcs, and parses are mapped back by undoing the lifts.</summary>
/// <remarks>
/// A transition parser of the arc-hybrid family builds only projective trees. Before training, the shortest
/// non-projective arc is lifted to its head's head until none is left, and the lifted word's label records the label
/// of the head it came from ("obl|obj": an obl whose real head is an obj). After parsing, each such word is moved back
/// down: breadth-first below its current head, to the first word carrying that label (its own subtree excluded). About
/// 0.2% of the words of UD English are attached non-projectively. Heads here are 0-based; -1 is the root.
/// </remarks>
internal static class Projectivity
{
    /// <summary>The separator between a lifted word's own label and its original head's label.</summary>
    public const char Lift = '|';

    /// <summary>Lifts arcs until the tree is projective; returns how many lifts were made.</summary>
    public static int Projectivize(int[] heads, string[] labels)
    {
        int lifts = 0;
        var lifted = new bool[heads.Length];
        while (ShortestNonProjective(heads) is int d)
        {
            int h = heads[d];
            if (!lifted[d])
            {
                labels[d] = Base(labels[d]) + Lift + Base(labels[h]);
                lifted[d] = true;
            }
            heads[d] = heads[h];
            lifts++;
        }
        return lifts;
    }

    /// <summary>Undoes the lifts of a parse: each word whose label holds <see cref="Lift"/> moves below its head to the
    /// first word (breadth first) with the recorded label; the label loses its second part either way.</summary>
    public static void Deprojectivize(int[] heads, string[] labels)
    {
        int n = heads.Length;
        for (int d = 0; d < n; d++)
        {
            int bar = labels[d].IndexOf(Lift);
            if (bar < 0) continue;
            string own = labels[d][..bar], want = labels[d][(bar + 1)..];
            labels[d] = own;
            int h = heads[d];
            if (h < 0) continue;
            // Breadth-first below h, skipping d's own subtree (attaching there would make a cycle).
            var queue = new Queue<int>();
            foreach (var c in Children(heads, h)) if (c != d) queue.Enqueue(c);
            while (queue.Count > 0)
            {
                int x = queue.Dequeue();
                if (Base(labels[x]) == want) { heads[d] = x; break; }
                foreach (var c in Children(heads, x)) if (c != d) queue.Enqueue(c);
            }
        }
    }

    /// <summary>True when no arc of the tree crosses another (every word between a head and its dependent is below the head).</summary>
    public static bool IsProjective(int[] heads) => ShortestNonProjective(heads) is null;

    private static int? ShortestNonProjective(int[] heads)
    {
        int best = -1, bestLen = int.MaxValue;
        for (int d = 0; d < heads.Length; d++)
        {
            int h = heads[d];
            if (h < 0) continue;
            int lo = Math.Min(h, d), hi = Math.Max(h, d);
            if (hi - lo >= bestLen) continue;
            for (int k = lo + 1; k < hi; k++)
                if (!Dominates(heads, h, k)) { best = d; bestLen = hi - lo; break; }
        }
        return best < 0 ? null : best;
    }

    private static bool Dominates(int[] heads, int h, int k)
    {
        for (int steps = 0; k >= 0 && steps <= heads.Length; steps++)
        {
            if (k == h) return true;
            k = heads[k];
        }
        return false;
    }

    private static IEnumerable<int> Children(int[] heads, int h)
    {
        for (int i = 0; i < heads.Length; i++) if (heads[i] == h) yield return i;
    }

    /// <summary>The label without its lifted part ("obl|obj" → "obl").</summary>
    public static string Base(string label) => label.IndexOf(Lift) is var i and >= 0 ? label[..i] : label;
}
