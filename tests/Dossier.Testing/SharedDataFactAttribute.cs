using Xunit;

namespace Dossier.Testing;

/// <summary>A fact that skips, with a clear message, when the ../shared/data entry it needs is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] parts)
    {
        if (SharedData.File(parts) is null) Skip = SharedData.SkipMessage + " (" + string.Join("/", parts) + ")";
    }
}

/// <summary>A theory that skips, with a clear message, when the ../shared/data entry it needs is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(params string[] parts)
    {
        if (SharedData.File(parts) is null) Skip = SharedData.SkipMessage + " (" + string.Join("/", parts) + ")";
    }
}
