using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dossier.Cluster.Tests;

/// <summary>A silo as a real process (<c>dotnet dossier.dll cluster silo</c>), so a test can kill it with SIGKILL.</summary>
internal sealed class SiloProcess : IDisposable
{
    /// <summary>Longest a silo may take to say it is up.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _p;
    private readonly System.Text.StringBuilder _log = new();

    public int Port { get; }

    private SiloProcess(Process p, int port) { _p = p; Port = port; }

    /// <summary>Starts a silo of the cluster in <paramref name="db"/> and waits until it has joined.</summary>
    public static SiloProcess Start(string db, int workers = 1)
    {
        int port = FreePort(), gateway = FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "dossier.dll"), "cluster", "silo", "--db", db,
                     "--port", port.ToString(), "--gateway-port", gateway.ToString(), "--workers", workers.ToString()])
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start a silo");
        var silo = new SiloProcess(p, port);
        var up = new TaskCompletionSource();
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (silo._log) silo._log.AppendLine(e.Data);
            if (e.Data.StartsWith("silo: 127.0.0.1", StringComparison.Ordinal)) up.TrySetResult();
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (silo._log) silo._log.AppendLine(e.Data); };
        p.Exited += (_, _) => up.TrySetException(new InvalidOperationException("the silo exited: " + silo.Log));
        p.EnableRaisingEvents = true;
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!up.Task.Wait(StartTimeout)) { silo.Dispose(); throw new TimeoutException("the silo did not start: " + silo.Log); }
        return silo;
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster.</summary>
    public void KillHard()
    {
        if (!_p.HasExited) _p.Kill(entireProcessTree: false); // SIGKILL on Linux
        _p.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try { if (!_p.HasExited) { _p.Kill(); _p.WaitForExit(10_000); } }
        catch (InvalidOperationException) { }
        _p.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
