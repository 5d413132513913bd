namespace Dossier.Store;

/// <summary>What every engine is opened with.</summary>
public sealed record StoreOptions
{
    /// <summary>The options of a store opened without any.</summary>
    public static StoreOptions Default { get; } = new();

    /// <summary>The clock that dates what the store records: when an article was ingested, an input first seen, a
    /// decision made, a migration applied. Tests pass a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Most matches of a search that are ranked, the latest stored (<see cref="Limits.SearchRankedMatches"/>).</summary>
    public int SearchRankedMatches { get; init; } = Limits.SearchRankedMatches;
}

/// <summary>Where a store is: a location string split into the engine's name and what the engine is given.</summary>
/// <param name="Engine">The engine's name ("sqlite", later "postgres").</param>
/// <param name="Target">What the engine opens: a file path for SQLite, the whole URL for a server.</param>
/// <param name="Text">The location as the user wrote it (for messages).</param>
public readonly record struct StoreLocation(string Engine, string Target, string Text)
{
    /// <summary>The engine of a location written as a plain path (<c>dossier.db</c>).</summary>
    public const string DefaultEngine = "sqlite";

    /// <summary>Reads a location: <c>ENGINE:TARGET</c> (<c>sqlite:data/dossier.db</c>), a URL whose scheme names the
    /// engine (<c>postgres://user@host/db</c>, kept whole as the target), or a plain file path for the default engine.</summary>
    public static StoreLocation Parse(string text)
    {
        int colon = text.IndexOf(':');
        // A one-letter "scheme" is a Windows drive (C:\data\dossier.db); a colon after a slash belongs to the path.
        if (colon <= 1 || text.AsSpan(0, colon).IndexOfAny('/', '\\') >= 0 || !IsScheme(text.AsSpan(0, colon)))
            return new StoreLocation(DefaultEngine, text, text);
        var engine = text[..colon].ToLowerInvariant();
        if (engine == "postgresql") engine = "postgres"; // libpq's two URL schemes name one engine
        var rest = text[(colon + 1)..];
        return rest.StartsWith("//", StringComparison.Ordinal)
            ? new StoreLocation(engine, text, text)
            : new StoreLocation(engine, rest, text);
    }

    /// <summary>The location as messages and logs show it: a password in a URL (<c>user:secret@</c>) or in a keyword
    /// string (<c>Password=secret</c>) replaced by <c>***</c>.</summary>
    public string Shown
    {
        get
        {
            var t = Text;
            int scheme = t.IndexOf("://", StringComparison.Ordinal), at = t.LastIndexOf('@');
            if (scheme >= 0 && at > scheme)
            {
                int colon = t.IndexOf(':', scheme + 3);
                return colon > 0 && colon < at ? t[..colon] + ":***" + t[at..] : t;
            }
            return System.Text.RegularExpressions.Regex.Replace(t, @"(?i)\b(password|pwd)\s*=\s*[^;]*", "$1=***");
        }
    }

    /// <summary>How a location the user typed is shown (<see cref="Shown"/>).</summary>
    public static string Show(string location) => Parse(location).Shown;

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0])) return false;
        foreach (var c in s) if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        return true;
    }
}

/// <summary>A storage engine: opens the stores of the locations that name it.</summary>
/// <remarks>An engine implements <see cref="IStore"/> with its own SQL; the policy shared by every engine (actor
/// resolution, manual decisions) lives in <c>Dossier.Store.Actors</c> and reaches the engine's tables through the narrow
/// interfaces it declares (docs/architecture.md, "Adding a store engine").</remarks>
public interface IStoreEngine
{
    /// <summary>The name locations use for it ("sqlite").</summary>
    string Name { get; }

    /// <summary>Opens (and when <paramref name="create"/>, creates and migrates) the store.</summary>
    /// <exception cref="DossierException">With a DSR3xx code when it cannot be opened.</exception>
    IStore Open(StoreLocation location, bool create, StoreOptions options);

    /// <summary>A connection for one request of a server, to a store already opened once with <see cref="Open"/>.</summary>
    IStore OpenShared(StoreLocation location, StoreOptions options);
}

/// <summary>Opens the store a location names, with the engine the location names.</summary>
public static class Stores
{
    private static readonly object Gate = new();
    private static IStoreEngine[] _engines = [new Sqlite.SqliteEngine()];

    /// <summary>The engines this process knows, by name.</summary>
    public static IReadOnlyList<string> Engines => Array.ConvertAll(_engines, e => e.Name);

    /// <summary>Adds an engine (a project of its own, with its own dependencies, registers itself at start-up).</summary>
    public static void Register(IStoreEngine engine)
    {
        lock (Gate)
        {
            if (_engines.Any(e => e.Name.Equals(engine.Name, StringComparison.OrdinalIgnoreCase)))
                throw new InvalidOperationException($"an engine named '{engine.Name}' is already registered");
            _engines = [.. _engines, engine];
        }
    }

    /// <summary>Opens (and when <paramref name="create"/>, creates) the store at <paramref name="location"/>.</summary>
    /// <exception cref="DossierException">DSR316 when no engine serves the location; the engine's DSR3xx codes otherwise.</exception>
    public static IStore Open(string location, bool create = true, StoreOptions? options = null)
    {
        var at = StoreLocation.Parse(location);
        return EngineFor(at).Open(at, create, options ?? StoreOptions.Default);
    }

    /// <summary>A connection for one request of a server, to a store already opened (and so migrated) once with <see cref="Open"/>.</summary>
    public static IStore OpenShared(string location, StoreOptions? options = null)
    {
        var at = StoreLocation.Parse(location);
        return EngineFor(at).OpenShared(at, options ?? StoreOptions.Default);
    }

    private static IStoreEngine EngineFor(StoreLocation at) =>
        Array.Find(_engines, e => e.Name.Equals(at.Engine, StringComparison.OrdinalIgnoreCase))
        ?? throw new DossierException(Errors.NoEngine(at.Shown, at.Engine, Engines));
}
