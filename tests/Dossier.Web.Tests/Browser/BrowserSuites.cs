namespace Dossier.Tests.Web.Browser;

// The browser tests on each store engine: a collection per engine (its own server, store and Chromium) and one line per test
// class and engine; the bodies are the abstract classes' in this folder. Without PostgreSQL, Engines/EngineSuites.cs has the
// skipped test that says so.

// --- SQLite ---

[CollectionDefinition(SqliteBrowser.Collection)]
public sealed class SqliteBrowser : ICollectionFixture<BrowserFixture<SqliteWebEngine>>
{
    public const string Collection = "browser";
}

[Collection(SqliteBrowser.Collection)]
public sealed class SqliteReadingRoomTests(BrowserFixture<SqliteWebEngine> fx) : ReadingRoomTests(fx);

[Collection(SqliteBrowser.Collection)]
public sealed class SqliteXssTests(BrowserFixture<SqliteWebEngine> fx) : XssTests(fx);

[Collection(SqliteBrowser.Collection)]
public sealed class SqliteAccessibilityTests(BrowserFixture<SqliteWebEngine> fx) : AccessibilityTests(fx);

[Collection(SqliteBrowser.Collection)]
public sealed class SqliteBbcCorpusTests(BrowserFixture<SqliteWebEngine> fx, BbcStoreFixture<SqliteWebEngine> bbc)
    : BbcCorpusTests(fx, bbc), IClassFixture<BbcStoreFixture<SqliteWebEngine>>;

// --- PostgreSQL (a database per store on the test process's throwaway server) ---

#if HAVE_POSTGRES
[CollectionDefinition(PostgresBrowser.Collection)]
public sealed class PostgresBrowser : ICollectionFixture<BrowserFixture<PostgresWebEngine>>
{
    public const string Collection = "browser-postgres";
}

[Collection(PostgresBrowser.Collection)]
public sealed class PostgresReadingRoomTests(BrowserFixture<PostgresWebEngine> fx) : ReadingRoomTests(fx);

[Collection(PostgresBrowser.Collection)]
public sealed class PostgresXssTests(BrowserFixture<PostgresWebEngine> fx) : XssTests(fx);

[Collection(PostgresBrowser.Collection)]
public sealed class PostgresAccessibilityTests(BrowserFixture<PostgresWebEngine> fx) : AccessibilityTests(fx);

[Collection(PostgresBrowser.Collection)]
public sealed class PostgresBbcCorpusTests(BrowserFixture<PostgresWebEngine> fx, BbcStoreFixture<PostgresWebEngine> bbc)
    : BbcCorpusTests(fx, bbc), IClassFixture<BbcStoreFixture<PostgresWebEngine>>;
#endif
