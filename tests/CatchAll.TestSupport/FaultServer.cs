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

namespace CatchAll.TestSupport;

/// <summary>
/// A raw TCP HTTP/1.1 server on 127.0.0.1 that answers each request from a script, one request per connection
/// (<c>Connection: close</c>), so every fault starts from a fresh connection.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<FaultRequest, int, Fault> _respond;
    private readonly ConcurrentQueue<FaultRequest> _requests = new();
    private readonly AcceptLoop<TcpClient> _loop;
    private int _count;

    private FaultServer(Func<FaultRequest, int, Fault> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = new AcceptLoop<TcpClient>(token => _listener.AcceptTcpClientAsync(token).AsTask(), HandleAsync, _listener.Stop);
    }

    public Uri BaseAddress { get; }

    public int RequestCount => Volatile.Read(ref _count);

    public FaultRequest[] Requests => _requests.ToArray();

    public static FaultServer Start(Func<FaultRequest, int, Fault> respond) => new(respond);

    public static FaultServer Start(Fault fault) => new((_, _) => fault);

    /// <summary>The n-th request (0-based) gets the n-th fault; the last one repeats.</summary>
    public static FaultServer Sequence(params Fault[] faults) => new((_, i) => faults[Math.Min(i, faults.Length - 1)]);

    public ValueTask DisposeAsync() => _loop.DisposeAsync();

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                var index = Interlocked.Increment(ref _count) - 1;
                var fault = _respond(request, index);
                if (fault.Hang)
                {
                    await Task.Delay(Timeout.Infinite, _loop.Stopping).ContinueWith(_ => { }, TaskScheduler.Default);
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
        var realLength = fault.Body.Length + fault.FillerLength;
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(fault.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(fault.Reason).Append("\r\n");
        foreach (var header in fault.Headers)
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
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _loop.Stopping);

        var limit = fault.CloseAfterBodyBytes ?? realLength;
        long sent = 0;
        foreach (var piece in Pieces(fault))
        {
            var part = piece.Length > limit - sent ? piece.Slice(0, (int)(limit - sent)) : piece;
            if (part.Length == 0)
            {
                break;
            }

            if (fault.Chunked)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(part.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), _loop.Stopping);
                await stream.WriteAsync(part, _loop.Stopping);
                await stream.WriteAsync("\r\n"u8.ToArray(), _loop.Stopping);
            }
            else
            {
                await stream.WriteAsync(part, _loop.Stopping);
            }

            sent += part.Length;
        }

        if (fault.Chunked && fault.CloseAfterBodyBytes is null)
        {
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), _loop.Stopping);
        }

        await stream.FlushAsync(_loop.Stopping);
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Pieces(Fault fault)
    {
        if (fault.Body.Length > 0)
        {
            yield return fault.Body;
        }

        var filler = new byte[64 * 1024];
        Array.Fill(filler, (byte)'a');
        for (var left = fault.FillerLength; left > 0; left -= filler.Length)
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
            var read = await stream.ReadAsync(one);
            if (read == 0)
            {
                return null;
            }

            buffer.Write(one, 0, read);
        }

        var all = buffer.ToArray();
        var lines = Encoding.ASCII.GetString(all, 0, headEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
        }

        var body = new MemoryStream();
        body.Write(all, headEnd + 4, all.Length - headEnd - 4);
        if (headers.TryGetValue("Content-Length", out var lengthText) && long.TryParse(lengthText, out var length))
        {
            while (body.Length < length)
            {
                var read = await stream.ReadAsync(one);
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
        var data = buffer.GetBuffer();
        for (var i = 0; i + 3 < buffer.Length; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
