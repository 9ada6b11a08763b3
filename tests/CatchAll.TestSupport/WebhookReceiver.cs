using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CatchAll.TestSupport;

/// <summary>
/// A loopback HTTP endpoint for webhook deliveries: answers every delivery with one status and remembers what
/// arrived, both as a list and as a queue to wait on.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    /// <summary>A header name free for tests to send through a webhook's own headers or API-key auth.</summary>
    public const string MarkerHeader = "X-Test-Marker";

    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly Channel<ReceivedWebhook> _arrivals = Channel.CreateUnbounded<ReceivedWebhook>();

    /// <summary>What a delivery is answered with unless the receiver is given a text reply.</summary>
    public const string JsonReply = "{\"received\":true}";

    /// <param name="statusCode">The status every delivery is answered with.</param>
    /// <param name="textReply">A text/plain body to answer with instead of <see cref="JsonReply"/>.</param>
    public WebhookReceiver(int statusCode = 200, string? textReply = null)
    {
        var reply = textReply is null
            ? ServerResponse.Json(JsonReply, statusCode)
            : new ServerResponse { Status = statusCode, Body = textReply, ContentType = "text/plain" };
        _server = LoopbackServer.Start((request, _) =>
        {
            var delivery = new ReceivedWebhook(request.Method, request.RawUrl, request.Headers, request.BodyText);
            _received.Enqueue(delivery);
            _arrivals.Writer.TryWrite(delivery);
            return reply;
        });
        Url = new Uri(_server.BaseAddress, "hooks/");
    }

    /// <summary>Where to deliver.</summary>
    public Uri Url { get; }

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public static WebhookReceiver Start() => new();

    /// <summary>The next delivery not yet taken by this method, in arrival order.</summary>
    /// <exception cref="OperationCanceledException">None arrived within <paramref name="timeout"/>.</exception>
    public async Task<ReceivedWebhook> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _arrivals.Reader.ReadAsync(cts.Token);
    }

    public void Dispose() => _server.Dispose();
}
