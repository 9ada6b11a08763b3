using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CatchAll.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CatchAll.AspNetCore.Tests;

/// <summary>The endpoint and the queue behind it, called over real HTTP on loopback.</summary>
public sealed class ReceiverTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly Channel<CatchAllWebhookEvent> _handled = Channel.CreateUnbounded<CatchAllWebhookEvent>();

    private static void Basic(CatchAllWebhookOptions o) => o.Credentials = WebhookCredentials.Basic("hook", "s3cret");

    private Task Record(CatchAllWebhookEvent e, CancellationToken ct) => _handled.Writer.WriteAsync(e, ct).AsTask();

    private async Task<CatchAllWebhookEvent> NextHandledAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        return await _handled.Reader.ReadAsync(guard.Token);
    }

    [Fact]
    public async Task A_job_completion_is_answered_and_handed_to_the_handler_with_typed_access()
    {
        await using var host = await ReceiverHost.StartAsync(o =>
        {
            Basic(o);
            o.TypeInfoResolver = CatchAllClientJson.Resolver;
        }, Record);

        using var response = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted()));
        var e = await NextHandledAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("accepted", answer.RootElement.GetProperty("status").GetString());
        Assert.Equal(e.Id, answer.RootElement.GetProperty("id").GetString());
        Assert.Equal(CatchAllWebhookEventKind.JobCompleted, e.Kind);
        Assert.Equal(Payloads.JobId, e.JobId);
        Assert.Null(e.MonitorId);
        Assert.Equal("completed", e.JobStatus);
        Assert.False(e.IsPerRecord);
        var job = e.Deserialize(CatchAllClientJson.PullJobResponse)!;
        Assert.Equal(Payloads.JobId, job.JobId);
        Assert.Equal(["rec-1", "rec-2"], e.GetRecords<CatchAll.Models.Record>().Select(r => r.RecordId));
        Assert.Equal(["rec-1", "rec-2"], e.GetRecords(CatchAllClientJson.Record).Select(r => r.RecordId));
    }

    [Fact]
    public async Task Typed_access_without_a_resolver_says_what_to_configure()
    {
        await using var host = await ReceiverHost.StartAsync(Basic, Record);
        using var response = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted()));
        var e = await NextHandledAsync();

        var error = Assert.Throws<InvalidOperationException>(() => e.GetRecords<CatchAll.Models.Record>());
        Assert.Contains("TypeInfoResolver", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.GetRecords(CatchAllClientJson.Record).Count);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("bearer")]
    [InlineData("api_key")]
    public async Task Each_credential_type_lets_the_right_secret_in_and_answers_401_to_others_without_calling_the_handler(string type)
    {
        var calls = 0;
        await using var host = await ReceiverHost.StartAsync(
            o => o.Credentials = type switch
            {
                "basic" => WebhookCredentials.Basic("hook", "s3cret"),
                "bearer" => WebhookCredentials.Bearer("t0ken"),
                _ => WebhookCredentials.ApiKey("X-Hook-Key", "k3y"),
            },
            (e, ct) =>
            {
                Interlocked.Increment(ref calls);
                return Record(e, ct);
            });

        HttpRequestMessage Request(string? secret)
        {
            var request = Payloads.Post(Payloads.Test());
            request.Headers.Authorization = null;
            if (secret is not null)
            {
                switch (type)
                {
                    case "basic":
                        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
                        break;
                    case "bearer":
                        request.Headers.Authorization = new("Bearer", secret);
                        break;
                    default:
                        request.Headers.Add("X-Hook-Key", secret);
                        break;
                }
            }

            return request;
        }

        var right = type switch { "basic" => "hook:s3cret", "bearer" => "t0ken", _ => "k3y" };
        var wrong = new List<string?> { null, "", right + "x", right[..^1], right.ToUpperInvariant() };
        if (type == "basic")
        {
            wrong.Add("hook:wrong");
            wrong.Add("other:s3cret");
            wrong.Add("hooks3cret");
        }

        foreach (var secret in wrong)
        {
            using var refused = await host.Http.SendAsync(Request(secret));
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"'{secret}' got {(int)refused.StatusCode}");
            if (type != "api_key")
            {
                Assert.NotEmpty(refused.Headers.WwwAuthenticate);
            }
        }

        using var accepted = await host.Http.SendAsync(Request(right));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(CatchAllWebhookEventKind.Test, (await NextHandledAsync()).Kind);
        // The handler saw the one accepted delivery only: each refusal happened before the queue.
        Assert.Equal(1, Volatile.Read(ref calls));
        Assert.False(_handled.Reader.TryRead(out _));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Message.Contains("s3cret", StringComparison.Ordinal) || r.Message.Contains("t0ken", StringComparison.Ordinal) || r.Message.Contains("k3y", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credentials_and_limits_come_from_the_CatchAll_Webhooks_configuration_section()
    {
        await using var host = await ReceiverHost.StartAsync(_ => { }, Record, builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CatchAll:Webhooks:Auth:Type"] = "api_key",
            ["CatchAll:Webhooks:Auth:Header"] = "X-Hook-Key",
            ["CatchAll:Webhooks:Auth:Value"] = "from-config",
            ["CatchAll:Webhooks:MaxBodyBytes"] = "2048",
            ["CatchAll:Webhooks:DedupeWindow"] = "00:30:00",
        }));

        var keyed = Payloads.Post(Payloads.Test());
        keyed.Headers.Authorization = null;
        keyed.Headers.Add("X-Hook-Key", "from-config");
        using var accepted = await host.Http.SendAsync(keyed);
        using var basic = await host.Http.SendAsync(Payloads.Post(Payloads.Test()));
        var big = Payloads.Post("{\"padding\":\"" + new string('x', 4096) + "\"}");
        big.Headers.Authorization = null;
        big.Headers.Add("X-Hook-Key", "from-config");
        using var tooLarge = await host.Http.SendAsync(big);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        var options = host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CatchAllWebhookOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(30), options.DedupeWindow);
        Assert.Equal("WebhookCredentials(api_key in X-Hook-Key, secret hidden)", options.Credentials!.ToString());
    }

    [Fact]
    public async Task Without_credentials_the_receiver_refuses_to_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReceiverHost.StartAsync(_ => { }, Record));
        Assert.Contains("WebhookCredentials.None", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_415_400_or_413_and_is_logged_without_the_body()
    {
        var calls = 0;
        await using var host = await ReceiverHost.StartAsync(o =>
        {
            Basic(o);
            o.MaxBodyBytes = 1024;
        }, (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        using var wrongType = await host.Http.SendAsync(Payloads.Post(Payloads.Test(), contentType: "text/plain"));
        var noType = Payloads.Post(Payloads.Test());
        noType.Content!.Headers.ContentType = null;
        using var missingType = await host.Http.SendAsync(noType);
        using var notJson = await host.Http.SendAsync(Payloads.Post("secret-body-text {not json"));
        using var truncated = await host.Http.SendAsync(Payloads.Post("{\"job_id\":\"secret-body-text\""));
        var secretPadding = "secret-body-text" + new string('x', 2048);
        using var declaredTooLarge = await host.Http.SendAsync(Payloads.Post($$"""{"p":"{{secretPadding}}"}"""));
        var chunked = Payloads.Post("ignored");
        chunked.Content = new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes($$"""{"p":"{{secretPadding}}"}""")));
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        using var streamedTooLarge = await host.Http.SendAsync(chunked);
        using var vendorJson = await host.Http.SendAsync(Payloads.Post(Payloads.Test(), contentType: "application/vnd.catchall+json; charset=utf-8"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, missingType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declaredTooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamedTooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, vendorJson.StatusCode);
        var logs = host.Logs.GetSnapshot();
        Assert.Equal(2, logs.Count(r => r.Message.Contains("refused with 415", StringComparison.Ordinal)));
        Assert.Equal(2, logs.Count(r => r.Message.Contains("refused with 400", StringComparison.Ordinal)));
        Assert.Equal(2, logs.Count(r => r.Message.Contains("refused with 413", StringComparison.Ordinal)));
        Assert.DoesNotContain(logs, r => r.Message.Contains("secret-body-text", StringComparison.Ordinal) || (r.Exception?.ToString().Contains("secret-body-text", StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task Payloads_of_every_known_kind_and_an_unknown_one_are_told_apart()
    {
        await using var host = await ReceiverHost.StartAsync(Basic, Record);
        var unknown = """{"event":"dataset.ready","dataset_id":"d-1"}""";
        foreach (var body in new[] { Payloads.JobCompleted(), Payloads.JobFailed(), Payloads.MonitorRun(), Payloads.Test(), unknown, "[1,2]" })
        {
            using var response = await host.Http.SendAsync(Payloads.Post(body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var events = new List<CatchAllWebhookEvent>();
        for (var i = 0; i < 6; i++)
        {
            events.Add(await NextHandledAsync());
        }

        Assert.Equal(
            [CatchAllWebhookEventKind.JobCompleted, CatchAllWebhookEventKind.JobFailed, CatchAllWebhookEventKind.MonitorRun, CatchAllWebhookEventKind.Test, CatchAllWebhookEventKind.Unknown, CatchAllWebhookEventKind.Unknown],
            events.Select(e => e.Kind));
        var run = events[2];
        Assert.Equal(Payloads.MonitorId, run.MonitorId);
        Assert.Equal(Payloads.RunJobId, run.JobId);
        var payload = run.Deserialize(CatchAllClientJson.WebhookPayload)!;
        Assert.Equal(3, payload.RecordsCount);
        Assert.Equal(["m-1", "m-2", "m-3"], run.GetRecords(CatchAllClientJson.MonitorRecord).Select(r => r.RecordId));
        Assert.Equal("no sources", events[1].Json.GetProperty("error").GetString());
        Assert.Equal("dataset.ready", events[4].Json.GetProperty("event").GetString());
        Assert.Empty(events[4].RecordsJson);
        Assert.Equal(JsonValueKind.Array, events[5].Json.ValueKind);
    }

    [Fact]
    public async Task Per_record_deliveries_are_separate_events_and_flagged()
    {
        await using var host = await ReceiverHost.StartAsync(Basic, Record);
        using var first = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted(validRecords: 2, recordIds: ["rec-1"])));
        using var second = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted(validRecords: 2, recordIds: ["rec-2"])));

        var a = await NextHandledAsync();
        var b = await NextHandledAsync();

        Assert.True(a.IsPerRecord);
        Assert.True(b.IsPerRecord);
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal("rec-2", Assert.Single(b.RecordsJson).GetProperty("record_id").GetString());
    }

    [Fact]
    public async Task A_redelivery_of_the_same_event_is_acknowledged_and_handled_once()
    {
        await using var host = await ReceiverHost.StartAsync(Basic, Record);

        using var first = await host.Http.SendAsync(Payloads.Post(Payloads.MonitorRun(updatedAt: "2026-03-03T09:31:00Z")));
        // The sender's retry of the same run: only the time it was fired differs.
        using var again = await host.Http.SendAsync(Payloads.Post(Payloads.MonitorRun(updatedAt: "2026-03-03T09:31:07Z")));
        using var nextRun = await host.Http.SendAsync(Payloads.Post(Payloads.MonitorRun(updatedAt: "2026-03-04T09:31:00Z", recordIds: ["m-9"])));
        var handled = await NextHandledAsync();
        var handledNext = await NextHandledAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal("duplicate", answer.RootElement.GetProperty("status").GetString());
        Assert.Equal(handled.Id, answer.RootElement.GetProperty("id").GetString());
        Assert.Equal(["m-9"], handledNext.RecordsJson.Select(r => r.GetProperty("record_id").GetString()));
        // Both later events went through the one queue in order: had the duplicate been queued, it would come before m-9.
        Assert.False(_handled.Reader.TryRead(out _));
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.Contains(handled.Id, StringComparison.Ordinal) && r.Message.Contains("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dedupe_window_is_bounded_in_time_and_in_count()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var window = new DedupeWindow(TimeSpan.FromHours(1), capacity: 3);

        Assert.True(window.TryAdd("a", start));
        Assert.False(window.TryAdd("a", start.AddMinutes(59)));
        Assert.True(window.TryAdd("a", start.AddMinutes(60)));
        Assert.True(window.TryAdd("b", start.AddMinutes(61)));
        Assert.True(window.TryAdd("c", start.AddMinutes(62)));
        Assert.True(window.TryAdd("d", start.AddMinutes(63)));
        Assert.Equal(3, window.Count);
        Assert.True(window.TryAdd("a", start.AddMinutes(64)));
        Assert.False(window.TryAdd("d", start.AddMinutes(64)));
        window.Remove("d");
        Assert.True(window.TryAdd("d", start.AddMinutes(65)));
        for (var i = 0; i < 100; i++)
        {
            window.TryAdd("x" + i, start.AddMinutes(66));
            window.Remove("x" + i);
        }

        Assert.True(window.Count <= 3);
    }

    [Fact]
    public async Task A_slow_handler_does_not_hold_up_the_answers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = 0;
        await using var host = await ReceiverHost.StartAsync(Basic, async (e, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
            Interlocked.Increment(ref handled);
        });

        var answers = new List<HttpStatusCode>();
        foreach (var body in new[] { Payloads.JobCompleted(), Payloads.MonitorRun(), Payloads.Test() })
        {
            using var response = await host.Http.SendAsync(Payloads.Post(body));
            answers.Add(response.StatusCode);
        }

        await entered.Task.WaitAsync(Guard);
        // Every delivery was answered while the handler was still stuck on the first one.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], answers);
        Assert.Equal(0, Volatile.Read(ref handled));

        release.SetResult();
        await host.StopAsync();
        Assert.Equal(3, Volatile.Read(ref handled));
    }

    [Fact]
    public async Task A_full_queue_answers_503_with_Retry_After_and_the_refused_event_is_not_remembered()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new ConcurrentQueue<string>();
        await using var host = await ReceiverHost.StartAsync(o =>
        {
            Basic(o);
            o.QueueCapacity = 1;
        }, async (e, ct) =>
        {
            seen.Enqueue(e.Id);
            (seen.Count == 1 ? entered : secondEntered).TrySetResult();
            await release.Task.WaitAsync(ct);
        });

        using var first = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted()));
        await entered.Task.WaitAsync(Guard);
        using var second = await host.Http.SendAsync(Payloads.Post(Payloads.MonitorRun()));
        using var third = await host.Http.SendAsync(Payloads.Post(Payloads.JobFailed()));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), third.Headers.RetryAfter?.Delta);

        release.SetResult();
        await secondEntered.Task.WaitAsync(Guard);
        // The queue has room again; the refused event was forgotten, so its redelivery is accepted, not a "duplicate".
        using var retried = await host.Http.SendAsync(Payloads.Post(Payloads.JobFailed()));
        using var answer = JsonDocument.Parse(await retried.Content.ReadAsStringAsync());
        Assert.Equal("accepted", answer.RootElement.GetProperty("status").GetString());
        await host.StopAsync();
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_a_bounded_number_of_times_and_logged_with_the_event_id()
    {
        var attempts = new ConcurrentDictionary<string, int>();
        await using var host = await ReceiverHost.StartAsync(o =>
        {
            Basic(o);
            o.MaxAttempts = 3;
            o.RetryDelay = TimeSpan.Zero;
        }, (e, ct) =>
        {
            var attempt = attempts.AddOrUpdate(e.Id, 1, (_, n) => n + 1);
            // Job events succeed on their third attempt; monitor runs never do.
            if (e.Kind == CatchAllWebhookEventKind.MonitorRun || attempt < 3)
            {
                throw new InvalidOperationException("handler broke on attempt " + attempt);
            }

            return Record(e, ct);
        });
        using var metrics = host.Collect<long>("catchall.webhooks.handler.failures");

        using var job = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted()));
        using var run = await host.Http.SendAsync(Payloads.Post(Payloads.MonitorRun()));
        var handled = await NextHandledAsync();
        await host.StopAsync();

        Assert.Equal(CatchAllWebhookEventKind.JobCompleted, handled.Kind);
        var runId = Assert.Single(attempts.Keys, k => k != handled.Id);
        Assert.Equal(3, attempts[handled.Id]);
        Assert.Equal(3, attempts[runId]);
        var logs = host.Logs.GetSnapshot();
        Assert.Equal(2, logs.Count(r => r.Level == LogLevel.Warning && r.Message.Contains(handled.Id, StringComparison.Ordinal) && r.Exception is InvalidOperationException));
        var gaveUp = Assert.Single(logs, r => r.Level == LogLevel.Error);
        Assert.Contains(runId, gaveUp.Message, StringComparison.Ordinal);
        Assert.Equal(5, metrics.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task An_event_whose_handler_gave_up_is_handled_again_when_redelivered()
    {
        var fail = true;
        await using var host = await ReceiverHost.StartAsync(o =>
        {
            Basic(o);
            o.MaxAttempts = 1;
        }, (e, ct) => Volatile.Read(ref fail) ? throw new InvalidOperationException("down") : Record(e, ct));

        using var first = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted()));
        await WaitForLogAsync(host, LogLevel.Error);
        Volatile.Write(ref fail, false);
        using var redelivered = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted(updatedAt: "2026-03-02T09:20:00Z")));

        using var answer = JsonDocument.Parse(await redelivered.Content.ReadAsStringAsync());
        Assert.Equal("accepted", answer.RootElement.GetProperty("status").GetString());
        Assert.Equal(CatchAllWebhookEventKind.JobCompleted, (await NextHandledAsync()).Kind);
    }

    /// <summary>
    /// The handler throws and so does a logger given its failure: the exception then escapes the handler's own
    /// try/catch. The worker used to end there while the endpoint went on answering 200 for events nobody handled.
    /// </summary>
    [Fact]
    public async Task A_failure_around_a_throwing_handler_does_not_stop_the_worker()
    {
        await using var host = await ReceiverHost.StartAsync(o =>
        {
            Basic(o);
            o.MaxAttempts = 1;
            o.MaxConcurrentHandlers = 1;
        }, (e, ct) => e.Kind == CatchAllWebhookEventKind.JobCompleted ? throw new InvalidOperationException("handler broke") : Record(e, ct),
        builder => builder.Logging.AddProvider(new ThrowingLoggerProvider(gaveUpEventId: 10)));

        using var job = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted()));
        using var run = await host.Http.SendAsync(Payloads.Post(Payloads.MonitorRun()));

        Assert.Equal(CatchAllWebhookEventKind.MonitorRun, (await NextHandledAsync()).Kind);
        using var answer = JsonDocument.Parse(await job.Content.ReadAsStringAsync());
        var jobEventId = answer.RootElement.GetProperty("id").GetString()!;
        var fault = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 14 && r.Category == "CatchAll.AspNetCore.WebhookQueue");
        Assert.Contains(jobEventId, fault.Message, StringComparison.Ordinal);
        Assert.IsType<AggregateException>(fault.Exception);
    }

    /// <summary>A logging provider that throws when asked to write one event id, as a broken sink would.</summary>
    private sealed class ThrowingLoggerProvider(int gaveUpEventId) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ThrowingLogger(gaveUpEventId);

        public void Dispose()
        {
        }

        private sealed class ThrowingLogger(int eventId) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (id.Id == eventId)
                {
                    throw new InvalidOperationException("the log sink is down");
                }
            }
        }
    }

    [Fact]
    public async Task Stopping_drains_every_queued_event_before_the_host_stops()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<string>();
        await using var host = await ReceiverHost.StartAsync(Basic, async (e, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
            handled.Enqueue(e.Id);
        });

        foreach (var body in new[] { Payloads.JobCompleted(), Payloads.JobFailed(), Payloads.MonitorRun(), Payloads.Test() })
        {
            using var response = await host.Http.SendAsync(Payloads.Post(body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await entered.Task.WaitAsync(Guard);
        var stopping = host.StopAsync();
        Assert.Empty(handled);
        release.SetResult();
        await stopping.WaitAsync(Guard);

        Assert.Equal(4, handled.Count);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.Contains("draining", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task When_shutdown_runs_out_of_time_the_undrained_events_are_logged_by_id_and_the_handler_is_cancelled()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await ReceiverHost.StartAsync(Basic, async (e, ct) =>
        {
            entered.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                cancelled.TrySetResult();
            }
        });
        var ids = new List<string>();
        foreach (var body in new[] { Payloads.JobCompleted(), Payloads.MonitorRun(), Payloads.Test() })
        {
            using var response = await host.Http.SendAsync(Payloads.Post(body));
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.Add(answer.RootElement.GetProperty("id").GetString()!);
        }

        await entered.Task.WaitAsync(Guard);
        // The host's own shutdown budget is already spent: nothing more may be waited for.
        await host.StopAsync(new CancellationToken(canceled: true));
        await cancelled.Task.WaitAsync(Guard);
        // The in-flight event is reported once its handler has returned, which may be just after the stop call.
        await WaitForLogAsync(host, LogLevel.Error, count: ids.Count);

        var errors = host.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Error).Select(r => r.Message).ToList();
        foreach (var id in ids)
        {
            Assert.Contains(errors, m => m.Contains(id, StringComparison.Ordinal) && m.Contains("shutdown", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Deliveries_queue_depth_and_handler_timings_are_exposed_as_metrics()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await ReceiverHost.StartAsync(Basic, async (e, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        });
        using var deliveries = host.Collect<long>("catchall.webhooks.deliveries");
        using var depth = host.Collect<int>("catchall.webhooks.queue.depth");
        using var duration = host.Collect<double>("catchall.webhooks.handler.duration");

        using var a = await host.Http.SendAsync(Payloads.Post(Payloads.JobCompleted()));
        using var b = await host.Http.SendAsync(Payloads.Post(Payloads.MonitorRun()));
        using var dup = await host.Http.SendAsync(Payloads.Post(Payloads.MonitorRun()));
        using var unauthorized = await host.Http.SendAsync(Payloads.Post(Payloads.Test(), password: "nope"));
        await entered.Task.WaitAsync(Guard);
        depth.RecordObservableInstruments();
        Assert.Equal(2, depth.LastMeasurement!.Value);
        release.SetResult();
        await host.StopAsync();

        var outcomes = deliveries.GetMeasurementSnapshot().Select(m => (m.Tags["kind"], m.Tags["outcome"])).ToList();
        Assert.Equal(
            [("job.completed", "accepted"), ("monitor.run", "accepted"), ("monitor.run", "duplicate"), ("unparsed", "unauthorized")],
            outcomes.Select(o => ((string)o.Item1!, (string)o.Item2!)));
        Assert.Equal(2, duration.GetMeasurementSnapshot().Count(m => (string?)m.Tags["outcome"] == "success"));
        depth.RecordObservableInstruments();
        Assert.Equal(0, depth.LastMeasurement!.Value);
    }

    private static async Task WaitForLogAsync(ReceiverHost host, LogLevel level, int count = 1)
    {
        using var guard = new CancellationTokenSource(Guard);
        // Polled, never timed: the guard only turns a hang into a failure.
        while (host.Logs.GetSnapshot().Count(r => r.Level == level) < count)
        {
            await Task.Delay(10, guard.Token);
        }
    }
}
