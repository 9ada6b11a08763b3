using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Emulator.Tests;

public sealed class MonitorTests
{
    [Fact]
    public async Task Monitor_runs_on_its_schedule_and_collects_records()
    {
        // Hourly runs keep the test short; the service's own minimum (24 h) is covered below.
        var (emulator, time) = await EmulatorFixtures.StartManualAsync(o => o.MinimumScheduleInterval = TimeSpan.Zero);
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var reference = (await api.PostAsync("/catchAll/submit", """{"query":"Funding rounds for climate tech startups","limit":10}""")).Str("job_id");
        var early = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{reference}}","schedule":"every hour"}""");
        time.Advance(TimeSpan.FromMinutes(1));

        var badSchedule = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{reference}}","schedule":"whenever it feels right"}""");
        var created = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{reference}}","schedule":"every hour","limit":10}""");
        var monitorId = created.Str("monitor_id");
        var initial = await api.GetAsync($"/catchAll/monitors/pull/{monitorId}");

        Assert.Equal(400, early.Code);
        Assert.Contains("must be completed", early.Str("detail"));
        Assert.Equal(422, badSchedule.Code);
        Assert.Equal("schedule", badSchedule.Body.GetProperty("detail")[0].GetProperty("loc")[1].GetString());
        Assert.Equal(10, initial.Int("records"));
        Assert.Equal("0 * * * *", initial.Str("cron_expression"));
        Assert.Equal(0, (await api.GetAsync($"/catchAll/monitors/{monitorId}/jobs")).Int("total_jobs"));

        time.Advance(TimeSpan.FromHours(1));
        var jobs = await api.GetAsync($"/catchAll/monitors/{monitorId}/jobs");
        Assert.Equal(1, jobs.Int("total_jobs"));
        var runJob = jobs.Body.GetProperty("jobs")[0].GetProperty("job_id").GetString();
        time.Advance(TimeSpan.FromMinutes(2));
        var runStatus = await api.GetAsync($"/catchAll/status/{runJob}");
        var history = await api.GetAsync($"/catchAll/monitors/{monitorId}/status");
        var pulled = await api.GetAsync($"/catchAll/monitors/pull/{monitorId}");

        Assert.Equal("completed", runStatus.Str("status"));
        var statuses = history.Body.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();
        Assert.Equal(new[] { "dump", "scheduled", "created" }, statuses);
        var dump = history.Body.GetProperty("statuses")[0].GetProperty("additional_information");
        Assert.Equal(10, dump.GetProperty("nb_existing_records").GetInt32());
        var scheduled = history.Body.GetProperty("statuses")[1].GetProperty("additional_information");
        Assert.Equal(runJob, scheduled.GetProperty("job_id").GetString());
        Assert.True(pulled.Int("records") >= 10);
        Assert.Equal(pulled.Int("records"), pulled.Body.GetProperty("all_records").GetArrayLength());
        var record = pulled.Body.GetProperty("all_records")[0];
        Assert.True(record.TryGetProperty("added_on", out _));
        var citation = record.GetProperty("citations")[0];
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("id").GetString()));
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("job_id").GetString()));
        Assert.True(pulled.Body.TryGetProperty("run_info", out _));

        var disabled = await api.PostAsync($"/catchAll/monitors/{monitorId}/disable");
        time.Advance(TimeSpan.FromHours(2));
        var whileDisabled = await api.GetAsync($"/catchAll/monitors/{monitorId}/jobs");
        var enabled = await api.PostAsync($"/catchAll/monitors/{monitorId}/enable", """{"backfill":false}""");
        time.Advance(TimeSpan.FromHours(1));
        var afterEnable = await api.GetAsync($"/catchAll/monitors/{monitorId}/jobs?sort=desc");

        Assert.True(disabled.Body.GetProperty("success").GetBoolean());
        Assert.Equal(1, whileDisabled.Int("total_jobs"));
        Assert.True(enabled.Body.GetProperty("success").GetBoolean());
        Assert.Equal(2, afterEnable.Int("total_jobs"));
        Assert.Equal("desc", afterEnable.Str("sort_order"));

        var list = await api.GetAsync("/catchAll/monitors");
        var item = list.Body.GetProperty("monitors")[0];
        Assert.Equal(1, list.Int("total"));
        Assert.Equal(reference, item.GetProperty("reference_job_id").GetString());
        Assert.True(item.GetProperty("enabled").GetBoolean());
        Assert.Equal("Every hour", item.GetProperty("schedule_human_readable").GetString());

        var patched = await api.PatchAsync($"/catchAll/monitors/{monitorId}", """{"limit":25}""");
        var badPatch = await api.PatchAsync($"/catchAll/monitors/{monitorId}", """{"limit":3}""");
        Assert.Equal(200, patched.Code);
        Assert.Equal(25, (await api.GetAsync($"/catchAll/monitors/pull/{monitorId}")).Int("limit"));
        Assert.Equal(422, badPatch.Code);

        var deleted = await api.DeleteAsync($"/catchAll/monitors/{monitorId}");
        var deletedAgain = await api.DeleteAsync($"/catchAll/monitors/{monitorId}");
        Assert.True(deleted.Body.GetProperty("success").GetBoolean());
        Assert.Equal(200, deletedAgain.Code);
        Assert.Equal(404, (await api.GetAsync($"/catchAll/monitors/pull/{monitorId}")).Code);
    }

    [Fact]
    public async Task Monitor_runs_notify_their_webhooks_with_the_monitor_payload()
    {
        using var receiver = new WebhookReceiver();
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var webhookId = (await api.PostAsync("/catchAll/webhooks", $$"""{"name":"m","url":"{{receiver.Url}}"}""")).Body.GetProperty("webhook").GetProperty("id").GetString();
        var reference = (await api.PostAsync("/catchAll/submit", """{"query":"Partnerships in healthcare","limit":10}""")).Str("job_id");
        time.Advance(TimeSpan.FromMinutes(1));
        var monitorId = (await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{reference}}","schedule":"every day at 9:30 am","timezone":"Europe/Berlin","webhook_ids":["{{webhookId}}"]}""")).Str("monitor_id");

        time.Advance(TimeSpan.FromDays(1));
        time.Advance(TimeSpan.FromMinutes(2));
        await api.GetAsync("/health");
        await api.GetAsync($"/catchAll/monitors/pull/{monitorId}");
        var delivery = await receiver.NextAsync(TimeSpan.FromSeconds(30));

        var payload = delivery.Json();
        Assert.Equal(monitorId, payload.GetProperty("monitor_id").GetString());
        Assert.Equal(reference, payload.GetProperty("reference_job_id").GetString());
        Assert.Equal("30 9 * * *", payload.GetProperty("cron_expression").GetString());
        Assert.Equal("Europe/Berlin", payload.GetProperty("timezone").GetString());
        Assert.Equal(1, payload.GetProperty("jobs_processed").GetInt32());
        Assert.True(payload.GetProperty("records").GetArrayLength() >= 10, "the first delivery carries the reference job's records");
        Assert.Equal(payload.GetProperty("records_count").GetInt32(), payload.GetProperty("records").GetArrayLength());
        Assert.True(await emulator.WaitForWebhooksAsync(TimeSpan.FromSeconds(30)));
        var history = await api.GetAsync($"/catchAll/webhook-history?resource_type=monitor&resource_id={monitorId}");
        Assert.Equal(1, history.Int("total"));
        var status = await api.GetAsync($"/catchAll/monitors/{monitorId}/status");
        var dump = status.Body.GetProperty("statuses")[0];
        Assert.Equal("dump", dump.GetProperty("status").GetString());
        Assert.True(dump.GetProperty("additional_information").GetProperty("webhook").GetProperty("success").GetBoolean());
    }
}
