namespace Dossier.Tests.Web;

// The API tests on each store engine: one line per engine; the bodies are ApiTests.cs's (the browser tests': Browser/
// BrowserSuites.cs). KestrelLimitTests and WebLimitsDocTests stay on SQLite alone: they test the HTTP server's own limits and
// their documentation, not the store.

public sealed class SqliteApiTests : ApiTests<SqliteWebEngine>;

#if HAVE_POSTGRES
// A database per store on the test process's throwaway server.
public sealed class PostgresApiTests : ApiTests<PostgresWebEngine>;
#else
public sealed class PostgresWebTests
{
    [Fact(Skip = "PostgreSQL is not installed (no /usr/lib/postgresql): the API and browser tests ran on SQLite only; scripts/setup installs Debian's postgresql package as root")]
    public void RunOnPostgres() { }
}
#endif
