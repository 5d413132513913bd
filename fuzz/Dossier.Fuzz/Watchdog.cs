using System.Diagnostics;

namespace Dossier.Fuzz;

/// <summary>How one run of an input ended.</summary>
public readonly record struct Outcome(Exception? Error, bool Hung, TimeSpan Elapsed)
{
    public bool Failed => Error is not null || Hung;
}

/// <summary>Runs inputs one at a time on a worker thread and gives up on one that takes longer than the limit.</summary>
/// <remarks>
/// .NET cannot stop a thread, so a hung input's worker is abandoned (at the lowest priority) and a new worker takes
/// over; the abandoned one ends when its input does. <see cref="Abandoned"/> counts those still running, and the run
/// stops before they take the machine. One watchdog serves one fuzzing loop; it is not shared between threads.
/// </remarks>
public sealed class Watchdog : IDisposable
{
    private Worker _worker = new();
    private readonly List<Worker> _abandoned = new();

    /// <summary>Abandoned workers whose input is still running.</summary>
    public int Abandoned { get { _abandoned.RemoveAll(w => w.Finished); return _abandoned.Count; } }

    /// <summary>Runs <paramref name="call"/>, waiting at most <paramref name="limit"/>.</summary>
    public Outcome Run(Action call, TimeSpan limit)
    {
        var w = _worker;
        var sw = Stopwatch.StartNew();
        w.Start(call);
        if (w.Wait(limit)) return new Outcome(w.Error, false, sw.Elapsed);
        w.Abandon();
        _abandoned.Add(w);
        _worker = new Worker();
        return new Outcome(null, true, sw.Elapsed);
    }

    public void Dispose() => _worker.Stop();

    private sealed class Worker
    {
        private readonly SemaphoreSlim _go = new(0), _done = new(0);
        private readonly Thread _thread;
        private Action? _call;
        private volatile bool _stop;
        public Exception? Error;
        public volatile bool Finished;

        public Worker()
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "fuzz worker" };
            _thread.Start();
        }

        public void Start(Action call) { _call = call; Error = null; _go.Release(); }
        public bool Wait(TimeSpan limit) => _done.Wait(limit);
        public void Stop() { _stop = true; _go.Release(); }

        public void Abandon()
        {
            _stop = true;
            try { _thread.Priority = ThreadPriority.Lowest; } catch (ThreadStateException) { }
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                if (_call is null) break;
                try { _call(); }
                catch (Exception e) { Error = e; }
                _call = null;
                if (_stop) break;
                _done.Release();
            }
            Finished = true;
        }
    }
}
