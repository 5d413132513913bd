namespace Dossier.Extraction.Entities;
// TEMPORARY placeholder until the h/clusters branch lands (delete before merging it).
internal sealed class WordClusters
{
    public static WordClusters? Instance => null;
    public int PathOf(ReadOnlySpan<char> word) => 0;
    public static int Prefix(int path, int bits)
    {
        int len = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)path);
        return len <= bits ? path : path >> (len - bits);
    }
}
