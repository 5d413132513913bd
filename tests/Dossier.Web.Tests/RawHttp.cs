using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Dossier.Tests.Web;

/// <summary>An HTTP/1.1 exchange written byte by byte over a socket, for what HttpClient will not send: a body slower than
/// any sane client, or one that goes on after the server has answered.</summary>
internal static class RawHttp
{
    /// <summary>A response as read off the wire.</summary>
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        /// <summary>The body as JSON (problem details).</summary>
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
    }

    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line), then each piece of the body with
    /// <paramref name="pause"/> between pieces, until the server answers; reads the answer to the end of the connection.</summary>
    public static async Task<Response> Exchange(string baseUrl, string head, IEnumerable<byte[]> body, TimeSpan pause, TimeSpan timeout)
    {
        var uri = new Uri(baseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.TrimEnd() + "\r\n\r\n"));
        var reading = ReadToEnd(stream);
        foreach (var piece in body)
        {
            if (reading.IsCompleted) break;
            try { await stream.WriteAsync(piece); }
            catch (IOException) { break; } // the server answered and closed: what it said is in reading
            if (pause > TimeSpan.Zero) await Task.WhenAny(reading, Task.Delay(pause));
        }
        var bytes = await reading.WaitAsync(timeout);
        return Parse(Encoding.UTF8.GetString(bytes));
    }

    // Until the server closes the connection (it does after refusing a request) or resets it.
    private static async Task<byte[]> ReadToEnd(NetworkStream stream)
    {
        var all = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0) all.Write(buffer, 0, n);
        }
        catch (IOException) when (all.Length > 0) { }
        return all.ToArray();
    }

    private static Response Parse(string raw)
    {
        int end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) throw new InvalidOperationException("no complete HTTP response: " + raw);
        var lines = raw[..end].Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1]);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = raw[(end + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked")) body = Dechunk(body);
        return new Response(status, headers, body);
    }

    private static string Dechunk(string body)
    {
        var text = new StringBuilder();
        int at = 0;
        while (true)
        {
            int eol = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            int size = Convert.ToInt32(body[at..eol], 16);
            if (size == 0) return text.ToString();
            text.Append(body, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    /// <summary>A body in chunked transfer encoding: <paramref name="pieces"/> chunks of <paramref name="size"/> bytes of
    /// <paramref name="fill"/>, then the last chunk.</summary>
    public static IEnumerable<byte[]> Chunked(int pieces, int size, byte fill)
    {
        var data = new byte[size];
        Array.Fill(data, fill);
        var chunk = Encoding.ASCII.GetBytes(size.ToString("x") + "\r\n").Concat(data).Concat("\r\n"u8.ToArray()).ToArray();
        for (int i = 0; i < pieces; i++) yield return chunk;
        yield return "0\r\n\r\n"u8.ToArray();
    }
}
