using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime.Tests.Infrastructure;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 and a free port (System.Net.HttpListener), so pipeline tests go through
/// real sockets, real headers and real connection failures.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, int, ServerResponse> _respond;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<HttpListenerContext> _hanging = new();
    private readonly Task _loop;
    private int _count;

    private LoopbackServer(HttpListener listener, Uri baseAddress, Func<RecordedRequest, int, ServerResponse> respond)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        _respond = respond;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    public int RequestCount => Volatile.Read(ref _count);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Answers every request with the same response.</summary>
    public static LoopbackServer Start(ServerResponse response) => Start((_, _) => response);

    /// <summary>Answers the n-th request (0-based) with the n-th response; the last one repeats.</summary>
    public static LoopbackServer StartSequence(params ServerResponse[] responses) =>
        Start((_, index) => responses[Math.Min(index, responses.Length - 1)]);

    public static LoopbackServer Start(Func<RecordedRequest, int, ServerResponse> respond)
    {
        for (int tries = 0; ; tries++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            string prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new LoopbackServer(listener, new Uri(prefix), respond);
            }
            catch (HttpListenerException) when (tries < 5)
            {
                // Another test grabbed the port between probing and binding; try another.
                listener.Close();
            }
        }
    }

    /// <summary>A loopback port with nothing listening on it, for connection-refused tests.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async Task WaitForRequestsAsync(int count)
    {
        await Eventually.TrueAsync(() => RequestCount >= count, $"the server to receive {count} request(s); it has {RequestCount}");
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        foreach (HttpListenerContext context in _hanging)
        {
            context.Response.Abort();
        }

        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The accept loop ends with whatever the closed listener throws.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in context.Request.Headers.AllKeys)
            {
                if (name is not null)
                {
                    headers[name] = context.Request.Headers[name] ?? string.Empty;
                }
            }

            var recorded = new RecordedRequest
            {
                Method = context.Request.HttpMethod,
                RawUrl = context.Request.RawUrl ?? string.Empty,
                Headers = headers,
                Body = body.ToArray(),
            };

            _requests.Enqueue(recorded);
            int index = Interlocked.Increment(ref _count) - 1;
            ServerResponse response = _respond(recorded, index);
            if (response.Hang)
            {
                _hanging.Add(context);
                return;
            }

            context.Response.StatusCode = response.Status;
            foreach (KeyValuePair<string, string> header in response.Headers)
            {
                context.Response.Headers[header.Key] = header.Value;
            }

            byte[] bytes = response.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(response.Body);
            if (response.Body is not null)
            {
                context.Response.ContentType = response.ContentType;
            }

            if (response.ChunkSize is int chunk)
            {
                context.Response.SendChunked = true;
                for (var offset = 0; offset < bytes.Length; offset += chunk)
                {
                    await context.Response.OutputStream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
                    await context.Response.OutputStream.FlushAsync();
                }
            }
            else
            {
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // The client went away (e.g. it timed out); nothing to answer.
        }
    }
}
