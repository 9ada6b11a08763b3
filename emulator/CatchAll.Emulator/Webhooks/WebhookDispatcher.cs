using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CatchAll.Emulator.State;

namespace CatchAll.Emulator.Webhooks;

/// <summary>
/// Sends webhook deliveries in the background with the webhook's method, headers, params and auth,
/// retrying server errors, and records every attempt in the delivery history.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(600)];
    private readonly Channel<DeliveryJob> _queue = Channel.CreateUnbounded<DeliveryJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http;
    private readonly EmulatorState _state;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;
    private int _pending;

    public WebhookDispatcher(EmulatorState state)
    {
        _state = state;
        // A receiver that has not answered within the budget has failed this attempt, whatever it does later.
        _http = new HttpClient(LoopbackGuard.CreateHandler()) { Timeout = state.Options.WebhookTimeout > TimeSpan.Zero ? state.Options.WebhookTimeout : TimeSpan.FromSeconds(5) };
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Deliveries queued or in flight.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(DeliveryJob job)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(job))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    public async Task<DeliveryOutcome> SendOnceAsync(WebhookTarget target, JsonNode payload, CancellationToken cancellationToken)
    {
        if (!LoopbackGuard.IsLoopbackUrl(target.Url, out var uri) || uri is null)
        {
            return new DeliveryOutcome(false, 0, "The emulator delivers webhooks to loopback addresses only.", null);
        }

        using var request = new HttpRequestMessage(new HttpMethod(target.Method), WithParams(uri, target.Params));
        if (target.Method is not ("GET" or "DELETE"))
        {
            request.Content = new ByteArrayContent(Serialize(Format(target, payload)));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.UserAgent.ParseAdd("CatchAll-Emulator-Webhook/1.0");
        foreach (var header in target.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        ApplyAuth(request, target.Auth);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonNode? body = text;
            if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
            {
                try
                {
                    body = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    body = text;
                }
            }

            var code = (int)response.StatusCode;
            var ok = code is >= 200 and < 300;
            return new DeliveryOutcome(ok, code, ok ? null : $"Receiver answered {code} {response.ReasonPhrase}", body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return new DeliveryOutcome(false, 0, ex is TaskCanceledException ? $"The receiver did not answer within {_http.Timeout.TotalSeconds:0.###} s." : ex.Message, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Stopping: deliveries still in flight are abandoned.
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await DeliverAsync(job).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Emulator stopped.
        }
    }

    private async Task DeliverAsync(DeliveryJob job)
    {
        var payloads = new List<JsonObject>();
        if (job.Target.DeliveryMode == "per_record" && job.Payload[job.RecordsProperty] is JsonArray records && records.Count > 0)
        {
            foreach (var record in records)
            {
                var single = (JsonObject)job.Payload.DeepClone();
                single[job.RecordsProperty] = new JsonArray(record?.DeepClone());
                if (single.ContainsKey("records_count"))
                {
                    single["records_count"] = 1;
                }

                payloads.Add(single);
            }
        }
        else
        {
            payloads.Add(job.Payload);
        }

        DeliveryOutcome last = new(true, 0, null, null);
        foreach (var payload in payloads)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                last = await SendOnceAsync(job.Target, payload, _stopping.Token).ConfigureAwait(false);
                lock (_state.Gate)
                {
                    _state.RecordDelivery(job.Target, job.ResourceType, job.ResourceId, job.AdditionalInfo, attempt, last.StatusCode, last.Success, last.Error, null);
                }

                var retry = !last.Success && (last.StatusCode == 0 || last.StatusCode == 429 || last.StatusCode >= 500) && last.Error?.Contains("loopback", StringComparison.Ordinal) != true;
                if (!retry || attempt == MaxAttempts)
                {
                    break;
                }

                await Task.Delay(Backoff[Math.Min(attempt - 1, Backoff.Length - 1)], _stopping.Token).ConfigureAwait(false);
            }
        }

        if (job.OnDone is not null)
        {
            lock (_state.Gate)
            {
                job.OnDone(last);
            }
        }
    }

    private static Uri WithParams(Uri uri, IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.Count == 0)
        {
            return uri;
        }

        var builder = new StringBuilder(uri.Query.TrimStart('?'));
        foreach (var pair in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
        }

        return new UriBuilder(uri) { Query = builder.ToString() }.Uri;
    }

    private static void ApplyAuth(HttpRequestMessage request, JsonObject? auth)
    {
        if (auth is null)
        {
            return;
        }

        var type = auth["type"]?.GetValue<string>();
        switch (type)
        {
            case "bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth["token"]?.GetValue<string>() ?? string.Empty);
                break;
            case "api_key":
                var header = auth["header"]?.GetValue<string>();
                if (!string.IsNullOrEmpty(header))
                {
                    request.Headers.Remove(header);
                    request.Headers.TryAddWithoutValidation(header, auth["value"]?.GetValue<string>() ?? string.Empty);
                }

                break;
            case "basic":
                var raw = (auth["username"]?.GetValue<string>() ?? string.Empty) + ":" + (auth["password"]?.GetValue<string>() ?? string.Empty);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
                break;
        }
    }

    /// <summary>Slack and Teams targets get a chat message; generic targets get the raw payload (custom ones are refused at creation).</summary>
    private static JsonNode Format(WebhookTarget target, JsonNode payload)
    {
        if (target.Type is not ("slack" or "teams"))
        {
            return payload;
        }

        var summary = Summarize(payload);
        if (target.Type == "slack")
        {
            return new JsonObject
            {
                ["text"] = summary,
                ["blocks"] = new JsonArray(new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = summary },
                }),
            };
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["content"] = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["version"] = "1.4",
                    ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = summary, ["wrap"] = true }),
                },
            }),
        };
    }

    private static string Summarize(JsonNode payload)
    {
        if (payload["monitor_id"] is JsonNode monitor)
        {
            return $"CatchAll monitor {monitor}: {payload["records_count"]} new records";
        }

        if (payload["job_id"] is JsonNode job)
        {
            var count = payload["all_records"] is JsonArray records ? records.Count : 0;
            return $"CatchAll job {job} {payload["status"]}: {count} records";
        }

        return "CatchAll webhook test";
    }

    private static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
