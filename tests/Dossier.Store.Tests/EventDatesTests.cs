using Dossier.Store.ReadModels;

namespace Dossier.Tests;

public class EventDatesTests
{
    public static TheoryData<string?, string?> Cases => new()
    {
        { "2024-12-08", "2024-12-08" },
        { "2024-12", "2024-12-01" },
        { "2024", "2024-01-01" },
        { "2024-W49", "2024-12-02" },
        { "2024-W49-WE", "2024-12-07" },
        { "2025-Q3", "2025-07-01" },
        { "2024-SU", "2024-06-01" },
        { "2024-12-08T14:30", "2024-12-08" },
        { "2024-02-30", null },
        { "2024-13", null },
        { "2024-W60", null },
        { "PRESENT_REF", null },
        { "XXXX-12-08", null },
        { "P3Y", null },
        { "", null },
        { null, null },
    };

    [Theory, MemberData(nameof(Cases))]
    public void SortKey(string? value, string? expected) => Assert.Equal(expected, EventDates.SortKey(value));
}
