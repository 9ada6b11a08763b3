using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Emulator.Tests;

public sealed class WebhookTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Completed_job_is_posted_to_its_webhook_with_auth_and_headers()
    {
        using var receiver = new WebhookReceiver();
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var created = await api.PostAsync("/catchAll/webhooks", $$$"""
            {"name":"Layoff alerts","url":"{{{receiver.Url}}}","headers":{"X-Team":"risk"},"params":{"source":"emulator"},
             "auth":{"type":"bearer","token":"s3cret"}}
            """);
        Assert.Equal(201, created.Code);
        var webhook = created.Body.GetProperty("webhook");
        Assert.Equal("generic", webhook.GetProperty("type").GetString());
        Assert.Equal("full", webhook.GetProperty("delivery_mode").GetString());
        Assert.Equal("POST", webhook.GetProperty("method").GetString());
        Assert.False(webhook.TryGetProperty("auth", out var _), "auth secrets are not echoed");
        var webhookId = webhook.GetProperty("id").GetString()!;

        var jobId = (await api.PostAsync("/catchAll/submit", $$"""{"query":"Layoffs at logistics companies","limit":10,"webhook_ids":["{{webhookId}}"]}""")).Str("job_id");
        var delivery = await receiver.NextAsync(Wait);

        Assert.Equal("POST", delivery.Method);
        Assert.Equal("Bearer s3cret", delivery.Headers["Authorization"]);
        Assert.Equal("risk", delivery.Headers["X-Team"]);
        Assert.Contains("source=emulator", delivery.Query, StringComparison.Ordinal);
        var payload = delivery.Json();
        Assert.Equal(jobId, payload.GetProperty("job_id").GetString());
        Assert.Equal("completed", payload.GetProperty("status").GetString());
        Assert.Equal(10, payload.GetProperty("all_records").GetArrayLength());

        Assert.True(await emulator.WaitForWebhooksAsync(Wait));
        var history = await api.GetAsync($"/catchAll/webhook-history?resource_type=job&resource_id={jobId}");
        Assert.Equal(1, history.Int("total"));
        var item = history.Body.GetProperty("items")[0];
        Assert.Equal("SUCCESS", item.GetProperty("delivery_status").GetString());
        Assert.Equal(200, item.GetProperty("status_code").GetInt32());
        Assert.Equal(1, item.GetProperty("attempt_number").GetInt32());
        Assert.Equal(webhookId, item.GetProperty("webhook_id").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("error_message").ValueKind);
    }

    [Fact]
    public async Task Test_delivery_uses_basic_or_api_key_auth_and_reports_the_response()
    {
        using var receiver = new WebhookReceiver(textReply: "ok");
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var basic = (await api.PostAsync("/catchAll/webhooks", $$$"""{"name":"b","url":"{{{receiver.Url}}}","method":"PUT","auth":{"type":"basic","username":"ann","password":"pw"}}""")).Body.GetProperty("webhook").GetProperty("id").GetString();
        var keyed = (await api.PostAsync("/catchAll/webhooks", $$$"""{"name":"k","url":"{{{receiver.Url}}}","auth":{"type":"api_key","header":"X-Hook-Key","value":"abc"}}""")).Body.GetProperty("webhook").GetProperty("id").GetString();

        var basicTest = await api.PostAsync($"/catchAll/webhooks/{basic}/test", """{"payload":{"hello":"world"}}""");
        var basicReceived = await receiver.NextAsync(Wait);
        var keyedTest = await api.PostAsync($"/catchAll/webhooks/{keyed}/test");
        var keyedReceived = await receiver.NextAsync(Wait);

        Assert.True(basicTest.Body.GetProperty("success").GetBoolean(), basicTest.ToString());
        Assert.Equal(200, basicTest.Int("http_status_code"));
        Assert.Equal("ok", basicTest.Str("response_body"));
        Assert.Equal("PUT", basicReceived.Method);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:pw")), basicReceived.Headers["Authorization"]);
        Assert.Equal("world", basicReceived.Json().GetProperty("hello").GetString());
        Assert.True(keyedTest.Body.GetProperty("success").GetBoolean());
        Assert.Equal("abc", keyedReceived.Headers["X-Hook-Key"]);
        Assert.True(keyedReceived.Json().GetProperty("test").GetBoolean());
    }

    [Fact]
    public async Task Non_loopback_targets_are_never_called()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var created = await api.PostAsync("/catchAll/webhooks", """{"name":"slack","url":"https://hooks.slack.com/services/T0/B0/x"}""");
        var plainHttp = await api.PostAsync("/catchAll/webhooks", """{"name":"bad","url":"http://example.com/hook"}""");
        var id = created.Body.GetProperty("webhook").GetProperty("id").GetString();

        var test = await api.PostAsync($"/catchAll/webhooks/{id}/test");

        Assert.Equal("slack", created.Body.GetProperty("webhook").GetProperty("type").GetString());
        Assert.Equal(422, plainHttp.Code);
        Assert.False(test.Body.GetProperty("success").GetBoolean());
        Assert.Contains("loopback", test.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhooks_support_crud_and_resource_assignment()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var id = (await api.PostAsync("/catchAll/webhooks", """{"name":"Deals","url":"https://hooks.internal.example/deals"}""")).Body.GetProperty("webhook").GetProperty("id").GetString();
        var jobId = (await api.PostAsync("/catchAll/submit", """{"query":"Acquisitions of fintech startups"}""")).Str("job_id");

        var updated = await api.PatchAsync($"/catchAll/webhooks/{id}", """{"name":"Deals (EU)","is_active":false,"delivery_mode":"per_record"}""");
        var assigned = await api.PostAsync($"/catchAll/webhooks/{id}/resources", $$"""{"resource_type":"job","resource_id":"{{jobId}}"}""");
        var again = await api.PostAsync($"/catchAll/webhooks/{id}/resources", $$"""{"resource_type":"job","resource_id":"{{jobId}}"}""");
        var missing = await api.PostAsync($"/catchAll/webhooks/{id}/resources", $$"""{"resource_type":"monitor","resource_id":"{{Guid.NewGuid()}}"}""");
        var resources = await api.GetAsync($"/catchAll/webhooks/{id}/resources?resource_type=job");
        var forJob = await api.GetAsync($"/catchAll/resources/job/{jobId}/webhooks");
        var activeOnly = await api.GetAsync($"/catchAll/resources/job/{jobId}/webhooks?is_active=true");
        var list = await api.GetAsync("/catchAll/webhooks?search=deals");
        var removed = await api.DeleteAsync($"/catchAll/webhooks/{id}/resources/job/{jobId}");
        var removedAgain = await api.DeleteAsync($"/catchAll/webhooks/{id}/resources/job/{jobId}");
        var deleted = await api.DeleteAsync($"/catchAll/webhooks/{id}");
        var gone = await api.GetAsync($"/catchAll/webhooks/{id}");

        Assert.Equal("Deals (EU)", updated.Body.GetProperty("webhook").GetProperty("name").GetString());
        Assert.False(updated.Body.GetProperty("webhook").GetProperty("is_active").GetBoolean());
        Assert.False(assigned.Body.GetProperty("already_existed").GetBoolean());
        Assert.Equal(jobId, assigned.Body.GetProperty("mapping").GetProperty("resource_id").GetString());
        Assert.True(again.Body.GetProperty("already_existed").GetBoolean());
        Assert.Equal(404, missing.Code);
        Assert.Equal(1, resources.Int("total"));
        Assert.Equal(1, forJob.Int("total"));
        Assert.Equal(0, activeOnly.Int("total"));
        Assert.Equal(1, list.Int("total"));
        Assert.Equal(204, removed.Code);
        Assert.Equal(404, removedAgain.Code);
        Assert.Equal(204, deleted.Code);
        Assert.Equal(404, gone.Code);
    }
    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_is_a_failed_attempt()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), new EmulatorOptions().WebhookTimeout);
        // Accepts connections and never answers: only the emulator's timeout can end each attempt.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var held = new System.Collections.Concurrent.ConcurrentBag<System.Net.Sockets.TcpClient>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await silent.AcceptTcpClientAsync());
                }
            }
            catch (Exception)
            {
                // Listener stopped.
            }
        });
        await using var emulator = await CatchAllEmulator.StartAsync(new EmulatorOptions { ApiKey = "test-key-0001", TimeScale = 0.0005, WebhookTimeout = TimeSpan.FromMilliseconds(200) });
        var api = new Api(emulator.CreateClient());
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/hook";
        var webhookId = (await api.PostAsync("/catchAll/webhooks", $$"""{"name":"silent","url":"{{url}}"}""")).Body.GetProperty("webhook").GetProperty("id").GetString();

        var test = await api.PostAsync($"/catchAll/webhooks/{webhookId}/test");
        var jobId = (await api.PostAsync("/catchAll/submit", $$"""{"query":"Layoffs at logistics companies","limit":10,"webhook_ids":["{{webhookId}}"]}""")).Str("job_id");
        await Api.EventuallyAsync(() => api.GetAsync($"/catchAll/status/{jobId}"), r => r.Str("status") == "completed", Wait, "job completion");
        Assert.True(await emulator.WaitForWebhooksAsync(Wait));
        var history = await api.GetAsync($"/catchAll/webhook-history?resource_type=job&resource_id={jobId}");

        Assert.False(test.Body.GetProperty("success").GetBoolean());
        Assert.Contains("did not answer within 0.2 s", test.Str("message"), StringComparison.Ordinal);
        var items = history.Body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("FAILED", i.GetProperty("delivery_status").GetString()));
        Assert.All(items, i => Assert.Contains("did not answer", i.GetProperty("error_message").GetString(), StringComparison.Ordinal));
        silent.Stop();
        foreach (var client in held)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task A_custom_webhook_is_refused_with_400_instead_of_being_sent_unformatted()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());

        var created = await api.PostAsync("/catchAll/webhooks", """{"name":"c","url":"http://127.0.0.1:9/hook","type":"custom","formatter_config":{"template":"{{title}}"}}""");
        var generic = await api.PostAsync("/catchAll/webhooks", """{"name":"g","url":"http://127.0.0.1:9/hook"}""");
        var id = generic.Body.GetProperty("webhook").GetProperty("id").GetString();
        var patched = await api.PatchAsync($"/catchAll/webhooks/{id}", """{"type":"custom","formatter_config":{"template":"{{title}}"}}""");
        var after = await api.GetAsync($"/catchAll/webhooks/{id}");

        Assert.Equal(400, created.Code);
        Assert.Contains("formatter_config", created.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(400, patched.Code);
        Assert.Equal("generic", after.Body.GetProperty("webhook").GetProperty("type").GetString());
        // The refused webhook was not stored: only the generic one exists.
        Assert.Equal(1, (await api.GetAsync("/catchAll/webhooks")).Int("total"));
    }
}
