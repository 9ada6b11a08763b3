using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using CatchAll.Runtime;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// Webhook settings written through the generated models (the auth union, optional PATCH fields, enums)
/// take effect on real deliveries to a loopback receiver.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly SteppingTimeProvider _time = new(EmulatorSession.FakeStart);
    private readonly WebhookReceiver _receiver = WebhookReceiver.Start();
    private EmulatorSession _session = null!;

    private CatchAllClient Client => _session.Client;

    public async Task InitializeAsync() => _session = await EmulatorSession.StartOnFakeClockAsync(_time);

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        _receiver.Dispose();
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("api_key")]
    [InlineData("basic")]
    public async Task Each_auth_variant_reaches_the_receiver_as_its_header(string kind)
    {
        (var auth, var observed, var expected) = kind switch
        {
            "bearer" => ((WebhookAuth)new BearerAuth { Token = "t0ken" }, (Func<ReceivedWebhook, string?>)(r => r.Authorization), "Bearer t0ken"),
            "api_key" => (new ApiKeyAuth { Header = WebhookReceiver.MarkerHeader, Value = "k3y" }, r => r.Marker, "k3y"),
            "basic" => (new BasicAuth { Username = "ann", Password = "s3cret" }, r => r.Authorization, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:s3cret"))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var webhookId = (await Client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest { Name = kind, Url = _receiver.Url.ToString(), Auth = auth })).Webhook!.Id;

        var test = await Client.Webhooks.TestWebhookAsync(webhookId);

        Assert.True(test.Success, test.Message);
        Assert.Equal(expected, observed(Assert.Single(_receiver.Received)));
    }

    [Fact]
    public async Task Auth_changed_with_a_PATCH_applies_to_the_next_delivery_and_other_settings_stay()
    {
        var webhookId = (await Client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest
        {
            Name = "rotating",
            Url = _receiver.Url.ToString(),
            Auth = new BearerAuth { Token = "old" },
            Headers = new Dictionary<string, string> { [WebhookReceiver.MarkerHeader] = "kept" },
        })).Webhook!.Id;

        var updated = await Client.Webhooks.UpdateWebhookAsync(webhookId, new UpdateWebhookRequest { Auth = new BearerAuth { Token = "new" } });
        Assert.Equal("rotating", updated.Webhook!.Name);
        await Client.Webhooks.TestWebhookAsync(webhookId);

        var delivery = Assert.Single(_receiver.Received);
        Assert.Equal("Bearer new", delivery.Authorization);
        Assert.Equal("kept", delivery.Marker);
    }

    [Fact]
    public async Task Per_record_delivery_sends_one_request_per_record_of_a_finished_job()
    {
        var webhookId = (await Client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest { Name = "per record", Url = _receiver.Url.ToString(), DeliveryMode = DeliveryMode.PerRecord })).Webhook!.Id;
        var jobId = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10, WebhookIds = [webhookId] })).JobId;

        var results = await FinishAsync(jobId);

        var records = results.AllRecords!.Select(r => r.RecordId).ToList();
        Assert.Equal(records.Count, _receiver.Received.Count);
        var delivered = _receiver.Received.Select(r =>
        {
            using var body = JsonDocument.Parse(r.Body);
            Assert.Equal(jobId.ToString(), body.RootElement.GetProperty("job_id").GetString());
            var all = body.RootElement.GetProperty("all_records");
            Assert.Equal(1, all.GetArrayLength());
            return all[0].GetProperty("record_id").GetString();
        }).ToList();
        Assert.Equal(records.OrderBy(r => r, StringComparer.Ordinal), delivered.OrderBy(r => r, StringComparer.Ordinal));
        var history = await Client.Webhooks.GetWebhookDeliveryHistoryAsync(MappableResourceType.Job, jobId);
        Assert.Equal(records.Count, history.Total);
        Assert.All(history.Items, i => Assert.Equal(DeliveryStatus.Success, i.DeliveryStatus));
    }

    [Fact]
    public async Task A_deactivated_webhook_is_skipped_and_filtered_by_is_active()
    {
        var webhookId = (await Client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest { Name = "paused", Url = _receiver.Url.ToString() })).Webhook!.Id;
        var jobId = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10, WebhookIds = [webhookId] })).JobId;

        var paused = await Client.Webhooks.UpdateWebhookAsync(webhookId, new UpdateWebhookRequest { IsActive = false });
        Assert.False(paused.Webhook!.IsActive);
        Assert.Empty((await Client.Webhooks.ListWebhooksForResourceAsync(MappableResourceType.Job, jobId, isActive: true)).Webhooks);
        Assert.Equal(webhookId, Assert.Single((await Client.Webhooks.ListWebhooksForResourceAsync(MappableResourceType.Job, jobId, isActive: false)).Webhooks).Id);

        await FinishAsync(jobId);

        Assert.Empty(_receiver.Received);
        Assert.Equal(0, (await Client.Webhooks.GetWebhookDeliveryHistoryAsync(MappableResourceType.Job, jobId)).Total);
    }

    private async Task<PullJobResponse> FinishAsync(Guid jobId)
    {
        _time.Advance(TimeSpan.FromMinutes(14));
        var results = await Client.Jobs.GetJobResultsAsync(jobId);
        Assert.Equal("completed", results.Status);
        Assert.True(await _session.Emulator.WaitForWebhooksAsync(TimeSpan.FromSeconds(10)), "deliveries still pending");
        return results;
    }
}
