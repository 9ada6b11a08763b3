using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.Models;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Record = CatchAll.Models.Record;

namespace CatchAll.AspNetCore.Tests;

/// <summary>
/// The emulator delivers to a MapCatchAllWebhooks endpoint on real Kestrel: job completion, monitor run, test and
/// per-record deliveries, every credential type, a redelivery, a slow handler and a draining stop. The API clock is
/// fake, so jobs and daily monitor runs happen when the test moves it.
/// </summary>
public sealed class EmulatorDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Monday);
    private readonly Channel<CatchAllWebhookEvent> _handled = Channel.CreateUnbounded<CatchAllWebhookEvent>();
    private CatchAllEmulator _emulator = null!;
    private CatchAllClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await CatchAllEmulator.StartAsync(new EmulatorOptions { TimeProvider = _time, TimeScale = 1, StageJitter = 0 });
        _client = new CatchAllClient(new CatchAllClientOptions { ApiKey = _emulator.ApiKey, BaseAddress = _emulator.BaseAddress });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private Task<ReceiverHost> StartReceiverAsync(WebhookCredentials credentials, Func<CatchAllWebhookEvent, CancellationToken, Task>? handler = null) =>
        ReceiverHost.StartAsync(
            o =>
            {
                o.Credentials = credentials;
                o.TypeInfoResolver = CatchAllClientJson.Resolver;
            },
            handler ?? ((e, ct) => _handled.Writer.WriteAsync(e, ct).AsTask()));

    private async Task<CatchAllWebhookEvent> NextHandledAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        return await _handled.Reader.ReadAsync(guard.Token);
    }

    private async Task<Guid> CreateWebhookAsync(ReceiverHost host, WebhookAuth? auth, DeliveryMode? mode = null) =>
        (await _client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest { Name = "receiver", Url = host.Url.ToString(), Auth = auth, DeliveryMode = mode })).Webhook!.Id;

    /// <summary>Runs a job to completion on the fake clock and waits until the emulator has delivered everything.</summary>
    private async Task<PullJobResponse> FinishJobAsync(Guid jobId)
    {
        _time.Advance(TimeSpan.FromMinutes(14));
        var results = await _client.Jobs.GetJobResultsAsync(jobId);
        Assert.Equal("completed", results.Status);
        Assert.True(await _emulator.WaitForWebhooksAsync(Guard), "deliveries still pending");
        return results;
    }

    [Fact]
    public async Task A_job_completion_arrives_as_a_typed_event()
    {
        await using var host = await StartReceiverAsync(WebhookCredentials.Basic("hook", "s3cret"));
        var webhookId = await CreateWebhookAsync(host, new BasicAuth { Username = "hook", Password = "s3cret" });
        var jobId = (await _client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10, WebhookIds = [webhookId] })).JobId;

        var results = await FinishJobAsync(jobId);
        var e = await NextHandledAsync();

        Assert.Equal(CatchAllWebhookEventKind.JobCompleted, e.Kind);
        Assert.Equal(jobId, e.JobId);
        Assert.False(e.IsPerRecord);
        Assert.Equal(results.AllRecords!.Select(r => r.RecordId), e.GetRecords<Record>().Select(r => r.RecordId));
        Assert.Equal("completed", e.Deserialize<PullJobResponse>()!.Status);
        // The accessors the generator adds because this project references CatchAll.AspNetCore.
        Assert.Equal(jobId, e.GetJobResults()!.JobId);
        Assert.Equal(results.AllRecords!.Select(r => r.RecordId), e.GetJobRecords().Select(r => r.RecordId));
        Assert.Null(e.GetMonitorRun());
        Assert.Empty(e.GetMonitorRecords());
        var history = await _client.Webhooks.GetWebhookDeliveryHistoryAsync(MappableResourceType.Job, jobId);
        Assert.Equal(DeliveryStatus.Success, Assert.Single(history.Items).DeliveryStatus);
    }

    [Fact]
    public async Task A_daily_monitor_run_arrives_as_the_contracts_WebhookPayload()
    {
        await using var host = await StartReceiverAsync(WebhookCredentials.Bearer("t0ken"));
        var webhookId = await CreateWebhookAsync(host, new BearerAuth { Token = "t0ken" });
        var reference = (await _client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Partnerships in healthcare", Limit = 10 })).JobId;
        await FinishJobAsync(reference);
        var monitorId = (await _client.Monitors.CreateMonitorAsync(new CreateMonitorRequest
        {
            ReferenceJobId = reference,
            Schedule = "every day at 9:30 am",
            Timezone = "UTC",
            WebhookIds = [webhookId],
        })).MonitorId!.Value;

        // A day passes: the 9:30 runs come due (missed ones fold into one), and the run's job (13 minutes of API time) finishes.
        _time.Advance(TimeSpan.FromDays(1));
        _time.Advance(TimeSpan.FromMinutes(14));
        await _client.Monitors.PullMonitorResultsAsync(monitorId);
        var e = await NextHandledAsync();

        Assert.Equal(CatchAllWebhookEventKind.MonitorRun, e.Kind);
        Assert.Equal(monitorId, e.MonitorId);
        var payload = e.Deserialize<WebhookPayload>()!;
        Assert.Equal(monitorId, payload.MonitorId);
        Assert.Equal(reference, payload.ReferenceJobId);
        Assert.Equal(payload.LatestJobId, e.JobId);
        Assert.Equal(payload.RecordsCount, e.GetRecords<MonitorRecord>().Count);
        Assert.Equal(payload.LatestJobId, e.GetMonitorRun()!.LatestJobId);
        Assert.Equal(e.GetRecords<MonitorRecord>().Select(r => r.RecordId), e.GetMonitorRecords().Select(r => r.RecordId));
        Assert.Null(e.GetJobResults());
        Assert.Empty(e.GetJobRecords());
        Assert.True(payload.RecordsCount > 0);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("bearer")]
    [InlineData("api_key")]
    public async Task Test_deliveries_with_each_credential_type_are_accepted_and_wrong_ones_get_401(string type)
    {
        var (credentials, right, wrong) = type switch
        {
            "basic" => (WebhookCredentials.Basic("hook", "s3cret"), (WebhookAuth)new BasicAuth { Username = "hook", Password = "s3cret" }, (WebhookAuth)new BasicAuth { Username = "hook", Password = "guess" }),
            "bearer" => (WebhookCredentials.Bearer("t0ken"), new BearerAuth { Token = "t0ken" }, new BearerAuth { Token = "t0ken-old" }),
            _ => (WebhookCredentials.ApiKey("X-Hook-Key", "k3y"), new ApiKeyAuth { Header = "X-Hook-Key", Value = "k3y" }, new ApiKeyAuth { Header = "X-Other-Key", Value = "k3y" }),
        };
        await using var host = await StartReceiverAsync(credentials);
        var good = await CreateWebhookAsync(host, right);
        var bad = await CreateWebhookAsync(host, wrong);
        var none = await CreateWebhookAsync(host, null);

        var refused = await _client.Webhooks.TestWebhookAsync(bad);
        var anonymous = await _client.Webhooks.TestWebhookAsync(none);
        var accepted = await _client.Webhooks.TestWebhookAsync(good);
        var e = await NextHandledAsync();

        Assert.False(refused.Success);
        Assert.Equal(401, refused.HttpStatusCode);
        Assert.False(anonymous.Success);
        Assert.Equal(401, anonymous.HttpStatusCode);
        Assert.True(accepted.Success, accepted.Message);
        Assert.Equal(200, accepted.HttpStatusCode);
        Assert.Equal(CatchAllWebhookEventKind.Test, e.Kind);
        Assert.Equal(good.ToString(), e.Json.GetProperty("webhook_id").GetString());
        await host.StopAsync();
        Assert.False(_handled.Reader.TryRead(out _), "a refused delivery reached the handler");
    }

    [Fact]
    public async Task The_same_job_delivered_twice_is_handled_once()
    {
        var handled = new ConcurrentQueue<CatchAllWebhookEvent>();
        await using var host = await StartReceiverAsync(WebhookCredentials.ApiKey("X-Hook-Key", "k3y"), (e, _) =>
        {
            handled.Enqueue(e);
            return Task.CompletedTask;
        });
        var auth = new ApiKeyAuth { Header = "X-Hook-Key", Value = "k3y" };
        // Two webhooks pointing at one receiver: the emulator sends the job's completion twice.
        var first = await CreateWebhookAsync(host, auth);
        var second = await CreateWebhookAsync(host, auth);
        var jobId = (await _client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Layoffs at logistics companies", Limit = 10, WebhookIds = [first, second] })).JobId;

        await FinishJobAsync(jobId);
        await host.StopAsync();

        var history = await _client.Webhooks.GetWebhookDeliveryHistoryAsync(MappableResourceType.Job, jobId);
        Assert.Equal(2, history.Items.Count(i => i.DeliveryStatus == DeliveryStatus.Success));
        var e = Assert.Single(handled);
        Assert.Equal(jobId, e.JobId);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.Contains(e.Id, StringComparison.Ordinal) && r.Message.Contains("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_handler_still_answers_the_emulator_in_time_and_stopping_drains_per_record_deliveries()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<CatchAllWebhookEvent>();
        await using var host = await StartReceiverAsync(WebhookCredentials.Basic("hook", "s3cret"), async (e, ct) =>
        {
            await release.Task.WaitAsync(ct);
            handled.Enqueue(e);
        });
        var webhookId = await CreateWebhookAsync(host, new BasicAuth { Username = "hook", Password = "s3cret" }, DeliveryMode.PerRecord);
        var jobId = (await _client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10, WebhookIds = [webhookId] })).JobId;

        var results = await FinishJobAsync(jobId);
        var test = await _client.Webhooks.TestWebhookAsync(webhookId);

        // Every delivery succeeded within the emulator's 5-second budget while the handler had not finished one.
        Assert.Empty(handled);
        Assert.True(test.Success, test.Message);
        var history = await _client.Webhooks.GetWebhookDeliveryHistoryAsync(MappableResourceType.Job, jobId);
        Assert.Equal(results.AllRecords!.Count, history.Items.Count);
        Assert.All(history.Items, i => Assert.Equal(DeliveryStatus.Success, i.DeliveryStatus));

        var stopping = host.StopAsync();
        release.SetResult();
        await stopping.WaitAsync(Guard);

        var events = handled.ToList();
        Assert.Equal(results.AllRecords.Count + 1, events.Count);
        var perRecord = events.Where(e => e.Kind == CatchAllWebhookEventKind.JobCompleted).ToList();
        Assert.All(perRecord, e => Assert.True(e.IsPerRecord));
        Assert.Equal(
            results.AllRecords.Select(r => r.RecordId).OrderBy(id => id, StringComparer.Ordinal),
            perRecord.Select(e => Assert.Single(e.GetRecords<Record>()).RecordId).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Single(events, e => e.Kind == CatchAllWebhookEventKind.Test);
    }
}
