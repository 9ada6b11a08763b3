using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.EndToEnd.Tests.Infrastructure;

/// <summary>One HTTP attempt as it left the client: retries show up as separate entries.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Absolute path without the query.</param>
/// <param name="Query">Query string including the leading '?', or empty.</param>
/// <param name="StatusCode">Response status, or 0 when no response arrived.</param>
internal sealed record RecordedCall(string Method, string Path, string Query, int StatusCode)
{
    /// <summary>The response body, when the handler was told to <see cref="RecordingHandler.CaptureBodies"/>.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>The response's media type, when bodies are captured.</summary>
    public string? ResponseMediaType { get; init; }
}

/// <summary>
/// Sits between the generated client and the socket: it proves which operations really went over the wire,
/// counts attempts (so retries and lazy paging are observable) and tells the fake-clock driver when a
/// request is in flight, because advancing fake time then could fire the request's own timeout.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<RecordedCall> _requests = new();
    private int _inFlight;

    public RecordingHandler()
        : base(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Keep each response body (buffered first, so the client still reads it whole) for contract checks.</summary>
    public bool CaptureBodies { get; set; }

    public IReadOnlyList<RecordedCall> Requests => _requests.ToArray();

    public IReadOnlyList<RecordedCall> To(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    public void Clear() => _requests.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The client sent a request without a URI.");
        if (!uri.IsLoopback)
        {
            // Tests may only ever talk to loopback; fail loudly rather than leak a request.
            throw new InvalidOperationException("Refusing to send a test request to a non-loopback address: " + uri.Host);
        }

        Interlocked.Increment(ref _inFlight);
        var status = 0;
        string? body = null;
        string? mediaType = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (CaptureBodies)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                mediaType = response.Content.Headers.ContentType?.MediaType;
            }

            return response;
        }
        finally
        {
            _requests.Enqueue(new RecordedCall(request.Method.Method.ToUpperInvariant(), uri.AbsolutePath, uri.Query, status) { ResponseBody = body, ResponseMediaType = mediaType });
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
