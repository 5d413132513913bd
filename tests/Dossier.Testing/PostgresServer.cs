using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dossier.Testing;

/// <summary>A throwaway PostgreSQL server for the tests of one process: Debian's binaries (scripts/setup installs the
/// package), a fresh cluster in a temporary folder, loopback only, on a free port, trust authentication, no fsync; stopped
/// and deleted when the process ends. The machine's own clusters (port 5432) are left alone.</summary>
/// <remarks>Started on first use. As root the cluster runs as the <c>postgres</c> user (initdb refuses root). A server
/// left by a test process that died is stopped and deleted by the next one that starts.</remarks>
public static class PostgresServer
{
    /// <summary>The role the tests connect as (the cluster's superuser).</summary>
    public const string User = "dossier";

    private static readonly Lazy<Server> _server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    /// <summary>The folder of PostgreSQL's programs (initdb, pg_ctl), or null when PostgreSQL is not installed.</summary>
    public static string? BinDir { get; } = FindBinDir();

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => BinDir is null
        ? "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): scripts/setup installs Debian's postgresql package (as root)"
        : null;

    /// <summary>The server's port on 127.0.0.1 (starting it if needed).</summary>
    public static int Port => _server.Value.Port;

    /// <summary>The address of a database on the server, created now with a name unique to this process.</summary>
    public static string NewDatabase(string hint = "t")
    {
        var name = $"{Sanitize(hint)}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Psql($"CREATE DATABASE \"{name}\"");
        return Url(name);
    }

    /// <summary>The address of a database on the server that does not exist yet (for tests of creating one).</summary>
    public static string UnusedDatabase(string hint = "new") => Url($"{Sanitize(hint)}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");

    /// <summary><c>postgres://dossier@127.0.0.1:PORT/NAME</c>.</summary>
    public static string Url(string database) => $"postgres://{User}@127.0.0.1:{Port}/{database}";

    /// <summary>Runs one SQL statement on the server's maintenance database with psql.</summary>
    public static string Psql(string sql, string database = "postgres")
    {
        var s = _server.Value;
        return Run(Path.Combine(BinDir!, "psql"), ["-X", "-q", "-At", "-h", "127.0.0.1", "-p", s.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", User, "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql], asPostgres: false);
    }

    /// <summary>Stops the server and starts it again on the same port and data (a restart mid-run, for fault tests).</summary>
    public static void Restart()
    {
        var s = _server.Value;
        Run(Path.Combine(BinDir!, "pg_ctl"), ["-D", s.Data, "-m", "fast", "-w", "stop"], asPostgres: true);
        StartCluster(s);
    }

    private sealed record Server(string Root, string Data, string Sockets, int Port);

    private static Server Start()
    {
        if (BinDir is null) throw new InvalidOperationException(Unavailable);
        CleanUpDeadServers();
        var root = Path.Combine(Path.GetTempPath(), $"dossier-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "sockets");
        Directory.CreateDirectory(sockets);
        if (IsRoot) Run("chown", ["-R", "postgres:postgres", root], asPostgres: false);
        Run(Path.Combine(BinDir, "initdb"), ["-D", data, "-U", User, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"], asPostgres: true);
        var server = new Server(root, data, sockets, FreePort());
        StartCluster(server);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(server);
        return server;
    }

    private static void StartCluster(Server s)
    {
        var options = $"-c listen_addresses=127.0.0.1 -p {s.Port} -k {s.Sockets} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Run(Path.Combine(BinDir!, "pg_ctl"), ["-D", s.Data, "-l", Path.Combine(s.Root, "server.log"), "-o", options, "-w", "-t", "60", "start"], asPostgres: true);
    }

    private static void Stop(Server s)
    {
        try { Run(Path.Combine(BinDir!, "pg_ctl"), ["-D", s.Data, "-m", "immediate", "-w", "stop"], asPostgres: true); }
        catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(s.Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // Servers whose test process is gone (killed before its exit handler ran).
    private static void CleanUpDeadServers()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), "dossier-pg-*"))
        {
            try
            {
                // A folder whose owner file is gone is what an exit handler left half deleted (the server's log written
                // while it was being removed): dead too.
                var ownerFile = Path.Combine(dir, "owner.pid");
                if (File.Exists(ownerFile) && int.TryParse(File.ReadAllText(ownerFile), out int owner) && Alive(owner)) continue;
                if (!File.Exists(ownerFile) && Directory.GetCreationTimeUtc(dir) > DateTime.UtcNow.AddMinutes(-1)) continue; // being made now
                var data = Path.Combine(dir, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    Run(Path.Combine(BinDir!, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres: true);
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidOperationException or UnauthorizedAccessException) { }
        }
    }

    private static bool Alive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string Run(string program, IReadOnlyList<string> args, bool asPostgres)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && IsRoot)
        {
            psi.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program]) psi.ArgumentList.Add(a);
        }
        else psi.FileName = program;
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PGCONNECT_TIMEOUT"] = "10";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new InvalidOperationException($"{program} did not finish in 2 minutes"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}");
        return stdout.Result.Trim();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string Sanitize(string hint)
    {
        var s = new string(hint.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(30).ToArray());
        return s.Length == 0 ? "t" : s;
    }

    private static string? FindBinDir()
    {
        if (Environment.GetEnvironmentVariable("DOSSIER_PG_BIN") is { Length: > 0 } env && File.Exists(Path.Combine(env, "initdb"))) return env;
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.EnumerateDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out int v) ? v : 0)
            .FirstOrDefault();
    }
}
