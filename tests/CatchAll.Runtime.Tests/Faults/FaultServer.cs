using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>What the fault server received.</summary>
public sealed record FaultRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>
/// How the fault server misbehaves for one request. It writes raw HTTP/1.1 bytes, so it can do what a well-behaved
/// server library never would: lie about Content-Length, stream without end, break the connection mid-body.
/// </summary>
public sealed class Fault
{
    public int Status { get; init; } = 200;

    public string Reason { get; init; } = "X";

    public List<KeyValuePair<string, string>> Headers { get; init; } = new();

    public byte[] Body { get; init; } = Array.Empty<byte>();

    /// <summary>Generated filler bytes of this length, sent after <see cref="Body"/> (for large bodies without holding them).</summary>
    public long FillerLength { get; init; }

    /// <summary>The Content-Length to claim instead of the real one.</summary>
    public long? DeclaredLength { get; init; }

    /// <summary>Send chunked, without Content-Length.</summary>
    public bool Chunked { get; init; }

    /// <summary>Close the connection after this many body bytes (with the real or declared length still claimed).</summary>
    public long? CloseAfterBodyBytes { get; init; }

    /// <summary>Reset the connection (RST) instead of answering.</summary>
    public bool Reset { get; init; }

    /// <summary>Never answer; the connection stays open until the server is disposed.</summary>
    public bool Hang { get; init; }

    public static Fault Json(string body, int status = 200) => Text(body, status, "application/json");

    public static Fault Text(string body, int status, string contentType) => new()
    {
        Status = status,
        Body = Encoding.UTF8.GetBytes(body),
        Headers = { new("Content-Type", contentType) },
    };

    public Fault With(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }
}

/// <summary>
/// A raw TCP HTTP/1.1 server on 127.0.0.1 that answers each request from a script, one request per connection
/// (<c>Connection: close</c>), so every fault starts from a fresh connection.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<FaultRequest, int, Fault> _respond;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FaultRequest> _requests = new();
    private readonly Task _loop;
    private int _count;

    private FaultServer(Func<FaultRequest, int, Fault> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    public int RequestCount => Volatile.Read(ref _count);

    public FaultRequest[] Requests => _requests.ToArray();

    public static FaultServer Start(Func<FaultRequest, int, Fault> respond) => new(respond);

    public static FaultServer Start(Fault fault) => new((_, _) => fault);

    /// <summary>The n-th request (0-based) gets the n-th fault; the last one repeats.</summary>
    public static FaultServer Sequence(params Fault[] faults) => new((_, i) => faults[Math.Min(i, faults.Length - 1)]);

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The loop ends with whatever the stopped listener throws.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                FaultRequest? request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                int index = Interlocked.Increment(ref _count) - 1;
                Fault fault = _respond(request, index);
                if (fault.Hang)
                {
                    await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                }

                if (fault.Reset)
                {
                    client.LingerState = new LingerOption(true, 0);
                    return;
                }

                await WriteAsync(stream, fault);
            }
            catch (IOException)
            {
                // The client went away mid-answer: expected when it enforces a size limit.
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task WriteAsync(NetworkStream stream, Fault fault)
    {
        long realLength = fault.Body.Length + fault.FillerLength;
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(fault.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(fault.Reason).Append("\r\n");
        foreach (KeyValuePair<string, string> header in fault.Headers)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        if (fault.Chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else
        {
            head.Append("Content-Length: ").Append((fault.DeclaredLength ?? realLength).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stopping.Token);

        long limit = fault.CloseAfterBodyBytes ?? realLength;
        long sent = 0;
        foreach (ReadOnlyMemory<byte> piece in Pieces(fault))
        {
            ReadOnlyMemory<byte> part = piece.Length > limit - sent ? piece.Slice(0, (int)(limit - sent)) : piece;
            if (part.Length == 0)
            {
                break;
            }

            if (fault.Chunked)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(part.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), _stopping.Token);
                await stream.WriteAsync(part, _stopping.Token);
                await stream.WriteAsync("\r\n"u8.ToArray(), _stopping.Token);
            }
            else
            {
                await stream.WriteAsync(part, _stopping.Token);
            }

            sent += part.Length;
        }

        if (fault.Chunked && fault.CloseAfterBodyBytes is null)
        {
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), _stopping.Token);
        }

        await stream.FlushAsync(_stopping.Token);
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Pieces(Fault fault)
    {
        if (fault.Body.Length > 0)
        {
            yield return fault.Body;
        }

        byte[] filler = new byte[64 * 1024];
        Array.Fill(filler, (byte)'a');
        for (long left = fault.FillerLength; left > 0; left -= filler.Length)
        {
            yield return new ReadOnlyMemory<byte>(filler, 0, (int)Math.Min(filler.Length, left));
        }
    }

    private static async Task<FaultRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var one = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            int read = await stream.ReadAsync(one);
            if (read == 0)
            {
                return null;
            }

            buffer.Write(one, 0, read);
        }

        byte[] all = buffer.ToArray();
        string[] lines = Encoding.ASCII.GetString(all, 0, headEnd).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
        }

        var body = new MemoryStream();
        body.Write(all, headEnd + 4, all.Length - headEnd - 4);
        if (headers.TryGetValue("Content-Length", out string? lengthText) && long.TryParse(lengthText, out long length))
        {
            while (body.Length < length)
            {
                int read = await stream.ReadAsync(one);
                if (read == 0)
                {
                    break;
                }

                body.Write(one, 0, read);
            }
        }

        return new FaultRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers, body.ToArray());
    }

    private static int IndexOfHeadEnd(MemoryStream buffer)
    {
        byte[] data = buffer.GetBuffer();
        for (int i = 0; i + 3 < buffer.Length; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
