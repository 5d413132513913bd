using System.Globalization;

namespace Dossier.Store.Happenings;

/// <summary>An event the store has not yet given a happening: its type, negation, date, and its sides as sorted lists of
/// canonical actor ids ("12,40").</summary>
/// <param name="Day">The date's sort key (the day a precise date names, the first day of a coarser one).</param>
public sealed record UngroupedEvent(long Id, string? Plover, bool Negated, string? Date, string? Day, string Sources, string Targets);

/// <summary>What grouping events into happenings needs from an engine, each plain SQL, inside its open transaction.</summary>
public interface IHappeningCatalog
{
    /// <summary>Every event without a happening, dated ones first in date order, then by id.</summary>
    IReadOnlyList<UngroupedEvent> Ungrouped();

    /// <summary>The happening with these sides, type and negation whose precise date lies in [<paramref name="from"/>,
    /// <paramref name="to"/>], nearest to <paramref name="date"/> (then the oldest), or null.</summary>
    long? FindNear(string plover, bool negated, string sources, string targets, string date, string from, string to);

    /// <summary>The happening with these sides, type and negation and exactly this coarse date, or null.</summary>
    long? FindSame(string plover, bool negated, string sources, string targets, string date);

    /// <summary>A new happening, with no reports yet; its id.</summary>
    long Create(string plover, bool negated, string sources, string targets, string? date, bool precise, string? day);

    /// <summary>Makes the event a report of the happening (its count, its first and last days, and its first report —
    /// the earliest dated, then the first stored — follow).</summary>
    void AddReport(long happening, long eventId, string? day);
}

/// <summary>
/// One happening per real-world act, across articles (issue 14): the events of the same sources, the same targets
/// (canonical actors), the same PLOVER type and negation, and a day within <see cref="SlackDays"/> of the happening's
/// nearest day. A coarser date (a month, a week, a year) joins only the same value; an undated event or one with no
/// PLOVER type is its own happening. The same for every engine.
/// </summary>
/// <remarks>An engine runs <see cref="Assign"/> in the transaction that stores an article, and again after releasing the
/// happenings of the events a merge or split changes sides of, so the grouping always follows the canonical actors.</remarks>
public static class HappeningGrouper
{
    /// <summary>How many days apart two reports of one act may date it (news dates an act "on Monday" or by publication).</summary>
    public const int SlackDays = 1;

    /// <summary>Gives a happening to every event that has none, in date order; returns how many were assigned.</summary>
    public static int Assign(IHappeningCatalog catalog)
    {
        var pending = catalog.Ungrouped();
        foreach (var e in pending)
        {
            bool precise = e.Date is { Length: 10 } && e.Day == e.Date;
            long? into = null;
            if (e.Plover is not null && e.Date is not null)
                into = precise
                    ? catalog.FindNear(e.Plover, e.Negated, e.Sources, e.Targets, e.Date, Shift(e.Date, -SlackDays), Shift(e.Date, SlackDays))
                    : catalog.FindSame(e.Plover, e.Negated, e.Sources, e.Targets, e.Date);
            into ??= catalog.Create(e.Plover ?? "", e.Negated, e.Sources, e.Targets, e.Date, precise, e.Day);
            catalog.AddReport(into.Value, e.Id, e.Day);
        }
        return pending.Count;
    }

    private static string Shift(string day, int days) =>
        DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
