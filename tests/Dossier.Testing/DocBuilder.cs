using Dossier.Documents;
using Dossier.Text;

namespace Dossier.Testing;

/// <summary>Builds documents by hand for unit tests, without running upstream stages beyond segmentation.</summary>
public static class DocBuilder
{
    /// <summary>A segmented document with the given text and publication date.</summary>
    public static Document Segmented(string text, string? published = null)
    {
        var d = new Document(text) { Published = published is null ? null : DateOnly.Parse(published) };
        new Segmenter().Process(d);
        return d;
    }

    /// <summary>Adds an entity by its first occurrence of <paramref name="surface"/> (or the nth).</summary>
    public static EntityMention AddEntity(this Document d, string surface, EntityType type, int occurrence = 0)
    {
        int at = -1;
        for (int k = 0; k <= occurrence; k++) at = d.Text.IndexOf(surface, at + 1, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{surface}' not in text");
        var e = new EntityMention { Start = at, End = at + surface.Length, Type = type, By = "test@0" };
        d.Entities.Add(e);
        d.Entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        return e;
    }
}
