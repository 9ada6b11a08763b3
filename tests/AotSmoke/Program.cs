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

// Typed enrichments: a numeric string, a missing field and an unreadable one, read by the generated reader.
var record = JsonSerializer.Deserialize("{\"record_id\":\"r1\",\"record_title\":\"t\",\"citations\":[],\"enrichment\":{\"enrichment_confidence\":\"high\",\"funding_amount\":\"25,000,000\",\"stage\":\"Series B\",\"announcement_date\":\"soon\",\"lead_investor\":{\"source_text\":\"S\",\"confidence\":0.9,\"metadata\":{\"name\":\"Sorenson\"}}}}", CatchAllClientJson.Record)!;
var typed = record.AsEnriched<FundingRound>();
Check(typed.Enrichment.FundingAmount == 25_000_000m && typed.Enrichment.Stage == FundingStage.SeriesB && typed.Enrichment.FundingCurrency is null, "a typed enrichment reads a numeric string, an option and a missing field");
Check(typed.Problems.Count == 1 && typed.Problems[0].Name == "announcement_date" && typed.Enrichment.LeadInvestor?.Metadata.Name == "Sorenson", "an unreadable field is a problem and a company is read");
Check(FundingRound.EnrichmentSet.ToValues(typed.Enrichment)["stage"].GetString() == "series_b", "the writer writes option wire values");

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

    var typedStatus = await client.Jobs.SubmitAndWaitAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 10 }, new PollingOptions { Interval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(1) });
    var csv = new System.IO.StringWriter();
    var rows = await FundingRound.EnrichmentSet.WriteCsvAsync(client.Jobs.GetJobResultsAllAsync<FundingRound>(typedStatus.JobId), csv);
    Check(rows > 0 && csv.ToString().StartsWith("record_id,record_title,enrichment_confidence,investee_company,funding_amount", StringComparison.Ordinal), $"a typed job's records export as CSV ({rows} rows)");
}

Console.WriteLine(failures == 0 ? "AOT smoke passed" : $"AOT smoke: {failures} failure(s)");
return failures == 0 ? 0 : 1;
