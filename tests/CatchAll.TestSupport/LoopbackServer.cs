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

namespace CatchAll.TestSupport;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 and a free port (System.Net.HttpListener). It records every request and
/// answers with what its responder returns, so clients are tested through real sockets, real headers and real
/// connection failures.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable, IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<HttpListenerContext> _hanging = new();
    private readonly AcceptLoop<HttpListenerContext> _loop;
    private volatile Func<RecordedRequest, int, ServerResponse> _respond;
    private int _count;

    /// <summary>Starts a server that answers an empty 200 until <see cref="Reset"/> says otherwise.</summary>
    public LoopbackServer()
        : this((_, _) => new ServerResponse { Status = 200 })
    {
    }

    private LoopbackServer(Func<RecordedRequest, int, ServerResponse> respond)
    {
        _respond = respond;
        (_listener, BaseAddress) = ListenOnFreePort("/");
        _loop = new AcceptLoop<HttpListenerContext>(_ => _listener.GetContextAsync(), HandleAsync, _listener.Close);
    }

    public Uri BaseAddress { get; }

    public int RequestCount => Volatile.Read(ref _count);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Answers every request with the same response.</summary>
    public static LoopbackServer Start(ServerResponse response) => Start((_, _) => response);

    /// <summary>Answers the n-th request (0-based) with the n-th response; the last one repeats.</summary>
    public static LoopbackServer StartSequence(params ServerResponse[] responses) =>
        Start((_, index) => responses[Math.Min(index, responses.Length - 1)]);

    /// <summary>Answers each request with what <paramref name="respond"/> returns for it and its 0-based index.</summary>
    public static LoopbackServer Start(Func<RecordedRequest, int, ServerResponse> respond) => new(respond);

    /// <summary>A loopback port with nothing listening on it, for connection-refused tests.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>An <see cref="HttpListener"/> on a free loopback port, under <paramref name="path"/> (which starts and ends with '/').</summary>
    internal static (HttpListener Listener, Uri Address) ListenOnFreePort(string path)
    {
        for (var tries = 0; ; tries++)
        {
            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{FreePort()}{path}";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (tries < 10)
            {
                // Another test grabbed the port between probing and binding; try another.
                listener.Close();
            }
        }
    }

    /// <summary>Forgets the requests so far and answers every later one with <paramref name="response"/>.</summary>
    public void Reset(ServerResponse response)
    {
        _respond = (_, _) => response;
        _requests.Clear();
        Volatile.Write(ref _count, 0);
    }

    /// <summary>The one request received; fails when there were none or several.</summary>
    public RecordedRequest SingleRequest()
    {
        var all = _requests.ToArray();
        return all.Length == 1
            ? all[0]
            : throw new InvalidOperationException($"Expected one request, the server got {all.Length}: " + string.Join(", ", all.Select(r => r.Method + " " + r.RawUrl)));
    }

    public async Task WaitForRequestsAsync(int count)
    {
        await Eventually.TrueAsync(() => RequestCount >= count, $"the server to receive {count} request(s); it has {RequestCount}");
    }

    public async ValueTask DisposeAsync()
    {
        AbortHanging();
        await _loop.DisposeAsync();
    }

    public void Dispose()
    {
        AbortHanging();
        _loop.Dispose();
    }

    private void AbortHanging()
    {
        foreach (var context in _hanging)
        {
            context.Response.Abort();
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in context.Request.Headers.AllKeys)
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
            var index = Interlocked.Increment(ref _count) - 1;
            ServerResponse response;
            try
            {
                response = _respond(recorded, index);
            }
            catch (Exception ex)
            {
                // A failing responder is a broken test; say so on the wire rather than leave the client hanging.
                response = new ServerResponse { Status = 599, Body = "test server responder failed: " + ex.Message };
            }

            if (response.Hang)
            {
                _hanging.Add(context);
                return;
            }

            context.Response.StatusCode = response.Status;
            foreach (var header in response.Headers)
            {
                context.Response.Headers[header.Key] = header.Value;
            }

            var bytes = response.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(response.Body);
            if (response.Body is not null && !response.Headers.ContainsKey("Content-Type"))
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
        catch (Exception) when (_loop.IsStopping)
        {
        }
        catch (HttpListenerException)
        {
            // The client went away (e.g. it timed out); nothing to answer.
        }
    }
}
