namespace Dossier.Cluster.Wire;

/// <summary>One article for a silo to extract: the raw article (<see cref="WireCodec"/>) and how to extract it.</summary>
/// <remarks>Immutable: Orleans passes it without a copy inside a silo.</remarks>
[GenerateSerializer, Immutable]
public sealed record ExtractRequest(
    [property: Id(0)] byte[] Raw,
    [property: Id(1)] string? Pipeline,
    [property: Id(2)] double BudgetSeconds);

/// <summary>A silo's answer: the processed document (<see cref="WireCodec"/>) or the coded reason there is none.</summary>
[GenerateSerializer, Immutable]
public sealed record ExtractReply(
    [property: Id(0)] byte[]? Document,
    [property: Id(1)] string? ErrorCode,
    [property: Id(2)] string? ErrorMessage,
    [property: Id(3)] string Silo);

/// <summary>One silo's figures for <c>cluster status</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloFigures(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset Started,
    [property: Id(2)] long Extracted,
    [property: Id(3)] long Failed,
    [property: Id(4)] double BusySeconds,
    [property: Id(5)] int Workers,
    [property: Id(6)] int InWork,
    [property: Id(7)] long RecentExtracted,
    [property: Id(8)] double RecentSeconds);
