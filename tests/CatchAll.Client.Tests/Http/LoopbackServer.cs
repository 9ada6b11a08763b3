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

namespace CatchAll.Client.Tests.Http;

/// <summary>What the server saw of one request.</summary>
internal sealed record RecordedRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string Path => RawTarget.Split('?', 2)[0];

    public string? RawQuery => RawTarget.Contains('?', StringComparison.Ordinal) ? RawTarget.Split('?', 2)[1] : null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Query pairs exactly as sent (still percent-encoded), in order.</summary>
    public IReadOnlyList<(string Name, string Value)> RawQueryPairs =>
        string.IsNullOrEmpty(RawQuery)
            ? Array.Empty<(string, string)>()
            : RawQuery.Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : string.Empty)).ToList();
}

/// <summary>A canned answer.</summary>
internal sealed record CannedResponse(int Status, string? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static CannedResponse Json(int status, string? body) => new(status, body);
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (System.Net.HttpListener on a free port). It records every request and
/// answers with whatever <see cref="Respond"/> returns, so the client is tested over real sockets and real HTTP.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackServer()
    {
        (_listener, BaseAddress) = StartOnFreePort();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The answer for a request; the default is an empty 200.</summary>
    public Func<RecordedRequest, CannedResponse> Respond { get; set; } = _ => new CannedResponse(200, null);

    public RecordedRequest SingleRequest()
    {
        var all = Requests.ToArray();
        return all.Length == 1 ? all[0] : throw new Xunit.Sdk.XunitException($"Expected one request, the server got {all.Length}: " + string.Join(", ", all.Select(r => r.Method + " " + r.RawTarget)));
    }

    public void Reset(CannedResponse response)
    {
        Requests.Clear();
        Respond = _ => response;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends by the listener closing under it.
        }

        _stop.Dispose();
    }

    private static (HttpListener, Uri) StartOnFreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();

            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Someone took the port between the probe and the bind; try another.
                listener.Close();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
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
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var headers = context.Request.Headers.AllKeys
                .Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, headers, body.ToArray());
            Requests.Enqueue(recorded);

            CannedResponse canned;
            try
            {
                canned = Respond(recorded);
            }
            catch (Exception ex)
            {
                canned = new CannedResponse(599, "test server responder failed: " + ex.Message);
            }

            var response = context.Response;
            response.StatusCode = canned.Status;
            foreach (var (name, value) in canned.Headers ?? new Dictionary<string, string>())
            {
                response.Headers[name] = value;
            }

            if (canned.Body is { } text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                response.ContentType ??= "application/json";
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            }

            response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
