using System;
using System.Buffers;
using System.IO;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CatchAll.AspNetCore;

/// <summary>
/// The request side: credentials, content type, size and JSON are checked, the event is parsed, de-duplicated and
/// queued, and the answer goes back at once; the handler runs later, from <see cref="WebhookQueue"/>.
/// </summary>
internal sealed class WebhookEndpoint(WebhookQueue queue, Func<CatchAllWebhookEvent, IServiceProvider, CancellationToken, Task> handler)
{
    private const string Unparsed = "unparsed";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var options = queue.Options;
        var credentials = options.Credentials!;
        if (!credentials.Matches(request))
        {
            queue.Metrics.Delivery(Unparsed, "unauthorized");
            Log.Unauthorized(queue.Logger, credentials.Type, context.Connection.RemoteIpAddress?.ToString());
            if (credentials.Challenge is { } challenge)
            {
                response.Headers.WWWAuthenticate = challenge;
            }

            await WriteAsync(response, StatusCodes.Status401Unauthorized, "unauthorized", null).ConfigureAwait(false);
            return;
        }

        if (!IsJson(request.ContentType))
        {
            queue.Metrics.Delivery(Unparsed, "unsupported_media_type");
            Log.UnsupportedMediaType(queue.Logger, request.ContentType);
            await WriteAsync(response, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", null).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context, options.MaxBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            queue.Metrics.Delivery(Unparsed, "too_large");
            Log.TooLarge(queue.Logger, options.MaxBodyBytes);
            await WriteAsync(response, StatusCodes.Status413PayloadTooLarge, "too_large", null).ConfigureAwait(false);
            return;
        }

        CatchAllWebhookEvent e;
        try
        {
            e = CatchAllWebhookEvent.Parse(body, queue.Time.GetUtcNow(), queue.Json);
        }
        catch (JsonException ex)
        {
            queue.Metrics.Delivery(Unparsed, "invalid_json");
            // The reader's message names a position, never the content.
            Log.InvalidJson(queue.Logger, body.Length, $"line {ex.LineNumber}, byte {ex.BytePositionInLine}");
            await WriteAsync(response, StatusCodes.Status400BadRequest, "invalid_json", null).ConfigureAwait(false);
            return;
        }

        var kind = e.Kind.Value;
        if (!queue.Dedupe.TryAdd(e.Id, e.ReceivedAt))
        {
            queue.Metrics.Delivery(kind, "duplicate");
            Log.Duplicate(queue.Logger, e.Id, kind);
            await WriteAsync(response, StatusCodes.Status200OK, "duplicate", e.Id).ConfigureAwait(false);
            return;
        }

        if (!queue.TryEnqueue(new WebhookWorkItem(e, handler)))
        {
            queue.Dedupe.Remove(e.Id);
            queue.Metrics.Delivery(kind, "queue_full");
            Log.QueueFull(queue.Logger, e.Id, kind, options.QueueCapacity);
            response.Headers.RetryAfter = "30";
            await WriteAsync(response, StatusCodes.Status503ServiceUnavailable, "queue_full", e.Id).ConfigureAwait(false);
            return;
        }

        queue.Metrics.Delivery(kind, "accepted");
        if (e.Kind == CatchAllWebhookEventKind.Unknown)
        {
            Log.UnknownShape(queue.Logger, e.Id, kind);
        }
        else
        {
            Log.Accepted(queue.Logger, e.Id, kind, queue.Depth);
        }

        await WriteAsync(response, StatusCodes.Status200OK, "accepted", e.Id).ConfigureAwait(false);
    }

    /// <summary><c>application/json</c> or any <c>+json</c> type, with or without a charset.</summary>
    internal static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } media)
        {
            return false;
        }

        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body, or <see langword="null"/> when it is over <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        // The server's own cap (Kestrel: 30 MB) would otherwise stand in for ours, in either direction.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var stream = context.Request.Body;
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(16 * 1024);
                var read = await stream.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw new OperationCanceledException(context.RequestAborted);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task WriteAsync(HttpResponse response, int status, string outcome, string? id)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", outcome);
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
    }
}
