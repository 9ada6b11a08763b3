// A NativeAOT consumer: JSON round trips through the generated converters, then (when given a
// server) a live call through the generated client. Exits non-zero on any mismatch.
using System;
using System.Text.Json;
using System.Threading.Tasks;
using CatchAll;
using CatchAll.Models;

var failures = 0;

void Check(bool condition, string what)
{
    Console.WriteLine((condition ? "ok   " : "FAIL ") + what);
    if (!condition)
    {
        failures++;
    }
}

var submit = new SubmitRequest { Query = "acquisitions in fintech" };
var submitJson = JsonSerializer.Serialize(submit, CatchAllClientJson.SubmitRequest);
Check(submitJson == "{\"query\":\"acquisitions in fintech\"}", "unset optional fields are not sent: " + submitJson);

var status = JsonSerializer.Deserialize("{\"job_id\":\"6f1c2a8e-3b7d-4c1e-9a0f-5d2e8b7c4a11\",\"status\":\"paused\",\"extra\":[1,2]}", CatchAllClientJson.StatusResponse)!;
Check(status.Status is { IsKnown: false } s && s.ToString() == "paused", "an unknown status survives");
Check(JsonSerializer.Serialize(status, CatchAllClientJson.StatusResponse).Contains("\"extra\":[1,2]"), "an unknown property survives");

var webhook = JsonSerializer.Deserialize("{\"name\":\"n\",\"url\":\"http://127.0.0.1/hook\",\"auth\":{\"type\":\"basic\",\"username\":\"u\",\"password\":\"p\"}}", CatchAllClientJson.CreateWebhookRequest)!;
Check(webhook.Auth is BasicAuth { Username: "u" }, "the webhook auth union picks its variant");

var baseUrl = Environment.GetEnvironmentVariable("CATCHALL_BASE_URL");
var apiKey = Environment.GetEnvironmentVariable("CATCHALL_API_KEY");
if (!string.IsNullOrEmpty(baseUrl) && !string.IsNullOrEmpty(apiKey))
{
    using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = apiKey, BaseAddress = new Uri(baseUrl) });
    var job = await client.Jobs.CreateJobAsync(new SubmitRequest { Query = "product launches", Limit = 10 });
    var done = await client.Jobs.WaitForCompletionAsync(job.JobId, new PollingOptions { Interval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(1) });
    Check(done.Status == PublicJobStatus.Completed, "a job runs to completion through the generated client");
    var page = await client.Jobs.GetJobResultsAsync(job.JobId);
    Check(page.AllRecords is { Count: > 0 }, $"records come back ({page.AllRecords?.Count ?? 0})");
}

Console.WriteLine(failures == 0 ? "AOT smoke passed" : $"AOT smoke: {failures} failure(s)");
return failures == 0 ? 0 : 1;
