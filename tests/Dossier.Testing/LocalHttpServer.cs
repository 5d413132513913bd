using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dossier.Testing;

/// <summary>An HTTP server on a loopback port for tests of fetching: routes by path, counts requests, records headers;
/// nothing leaves the machine.</summary>
/// <remarks>Handlers run on the listener's threads; the counters are thread-safe. A path without a route answers 404.</remarks>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Requests per path.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);
    /// <summary>The headers of every request, in arrival order: (path, header name, value).</summary>
    public ConcurrentQueue<(string Path, string Name, string Value)> Headers { get; } = new();

    /// <summary>"http://127.0.0.1:PORT" (no trailing slash).</summary>
    public string Root { get; }

    public LocalHttpServer()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; probe.Stop(); }
        Root = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Root + "/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    /// <summary>The absolute address of <paramref name="path"/>.</summary>
    public string Url(string path) => Root + path;

    /// <summary>Routes <paramref name="path"/> to a handler (replacing any earlier one).</summary>
    public void On(string path, Func<HttpListenerContext, Task> handler) => _routes[path] = handler;

    /// <summary>Serves <paramref name="body"/> with a content type, and an ETag when given (answering 304 to a request
    /// that sends it back in If-None-Match).</summary>
    public void Serve(string path, string body, string contentType = "text/html; charset=utf-8", string? etag = null) =>
        On(path, async c =>
        {
            if (etag is not null && c.Request.Headers["If-None-Match"] == etag) { c.Response.StatusCode = 304; c.Response.Close(); return; }
            if (etag is not null) c.Response.AddHeader("ETag", etag);
            await Write(c, body, contentType);
        });

    /// <summary>Answers with a redirect to <paramref name="location"/>.</summary>
    public void Redirect(string path, string location, int status = 301) =>
        On(path, c => { c.Response.StatusCode = status; c.Response.AddHeader("Location", location); c.Response.Close(); return Task.CompletedTask; });

    /// <summary>Writes a body and closes the answer.</summary>
    public static async Task Write(HttpListenerContext c, string body, string contentType = "text/html; charset=utf-8")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        c.Response.ContentType = contentType;
        c.Response.ContentLength64 = bytes.Length;
        await c.Response.OutputStream.WriteAsync(bytes);
        c.Response.Close();
    }

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext c;
            try { c = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(async () =>
            {
                var path = c.Request.Url!.AbsolutePath;
                Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
                foreach (var name in c.Request.Headers.AllKeys)
                    if (name is not null) Headers.Enqueue((path, name, c.Request.Headers[name] ?? ""));
                try
                {
                    if (_routes.TryGetValue(path, out var handler)) await handler(c);
                    else { c.Response.StatusCode = 404; c.Response.Close(); }
                }
                catch (Exception) { try { c.Response.Abort(); } catch (Exception) { } }
            });
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _listener.Stop(); _listener.Close(); } catch (Exception) { }
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        _stop.Dispose();
    }
}
