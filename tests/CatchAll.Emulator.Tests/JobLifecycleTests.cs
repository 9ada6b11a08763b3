using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CatchAll.Emulator.Tests;

public sealed class JobLifecycleTests
{
    private static readonly string[] Order = ["submitted", "analyzing", "fetching", "clustering", "enriching", "completed", "failed"];

    [Fact]
    public async Task Job_moves_through_every_stage_with_the_documented_steps()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var jobId = (await api.PostAsync("/catchAll/submit", """{"query":"Series B funding rounds for SaaS startups","limit":10}""")).Str("job_id");

        var seen = new List<string>();
        for (var stage = 0; stage < 6; stage++)
        {
            var status = await api.GetAsync($"/catchAll/status/{jobId}");
            Assert.Equal(200, status.Code);
            Assert.Equal(jobId, status.Str("job_id"));
            seen.Add(status.Str("status"));
            AssertSteps(status.Body.GetProperty("steps"), status.Str("status"));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(Order[..6], seen);
    }

    private static void AssertSteps(JsonElement steps, string status)
    {
        Assert.Equal(7, steps.GetArrayLength());
        var current = Array.IndexOf(Order, status);
        for (var i = 0; i < 7; i++)
        {
            var step = steps[i];
            Assert.Equal(Order[i], step.GetProperty("status").GetString());
            Assert.Equal(i + 1, step.GetProperty("order").GetInt32());
            var expected = status == "completed" ? i < 6 : i < current;
            Assert.Equal(expected, step.GetProperty("completed").GetBoolean());
        }
    }

    [Fact]
    public async Task Records_appear_progressively_while_enriching_and_respect_the_limit()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var jobId = (await api.PostAsync("/catchAll/submit", """{"query":"Layoffs at fintech companies in Germany","limit":12}""")).Str("job_id");

        var early = await api.GetAsync($"/catchAll/pull/{jobId}");
        Assert.Equal(200, early.Code);
        Assert.Equal("submitted", early.Str("status"));
        Assert.Equal(JsonValueKind.Null, early.Body.GetProperty("progress_validated").ValueKind);
        Assert.Equal(0, early.Body.GetProperty("all_records").GetArrayLength());

        time.Advance(TimeSpan.FromSeconds(43));
        var partial = await api.GetAsync($"/catchAll/pull/{jobId}");
        time.Advance(TimeSpan.FromSeconds(4));
        var later = await api.GetAsync($"/catchAll/pull/{jobId}");
        time.Advance(TimeSpan.FromSeconds(10));
        var done = await api.GetAsync($"/catchAll/pull/{jobId}");

        Assert.Equal("enriching", partial.Str("status"));
        Assert.Equal("enriching", later.Str("status"));
        Assert.Equal("completed", done.Str("status"));
        var p1 = partial.Int("progress_validated");
        var p2 = later.Int("progress_validated");
        var p3 = done.Int("progress_validated");
        Assert.True(p1 < p2 && p2 < p3, $"progress should grow: {p1}, {p2}, {p3}");
        Assert.True(partial.Int("valid_records") < done.Int("valid_records"));
        Assert.Equal(12, done.Int("valid_records"));
        Assert.Equal(12, done.Int("limit"));
        Assert.True(done.Int("candidate_records") >= p3);
        Assert.Equal(12, done.Body.GetProperty("all_records").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, done.Body.GetProperty("error").ValueKind);

        foreach (var record in done.Body.GetProperty("all_records").EnumerateArray())
        {
            AssertRecordShape(record);
            var enrichment = record.GetProperty("enrichment");
            Assert.Equal(JsonValueKind.Number, enrichment.GetProperty("employees_affected").ValueKind);
            Assert.Equal(JsonValueKind.String, enrichment.GetProperty("announcement_date").ValueKind);
            var company = enrichment.GetProperty("company");
            Assert.Equal(JsonValueKind.String, company.GetProperty("source_text").ValueKind);
            Assert.InRange(company.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.Equal(JsonValueKind.String, company.GetProperty("metadata").GetProperty("name").ValueKind);
            Assert.True(company.GetProperty("metadata").TryGetProperty("domain_url", out _));
        }

        var page2 = await api.GetAsync($"/catchAll/pull/{jobId}?page=2&page_size=5");
        Assert.Equal(3, page2.Int("total_pages"));
        Assert.Equal(5, page2.Body.GetProperty("all_records").GetArrayLength());
        Assert.Equal(done.Body.GetProperty("all_records")[5].GetProperty("record_id").GetString(), page2.Body.GetProperty("all_records")[0].GetProperty("record_id").GetString());
    }

    internal static void AssertRecordShape(JsonElement record)
    {
        Assert.False(string.IsNullOrEmpty(record.GetProperty("record_id").GetString()));
        Assert.False(string.IsNullOrEmpty(record.GetProperty("record_title").GetString()));
        var confidence = record.GetProperty("enrichment").GetProperty("enrichment_confidence").GetString();
        Assert.Contains(confidence, new[] { "low", "medium", "high" });
        var citations = record.GetProperty("citations");
        Assert.True(citations.GetArrayLength() >= 1);
        foreach (var citation in citations.EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(citation.GetProperty("title").GetString()));
            var link = new Uri(citation.GetProperty("link").GetString()!);
            Assert.EndsWith(".test", link.Host, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(citation.GetProperty("published_date").GetString(), out _));
        }
    }

    [Fact]
    public async Task Custom_enrichments_are_filled_with_their_types()
    {
        // Clean values only; the irregular ones have their own tests (DefinedEnrichmentTests).
        var (emulator, time) = await EmulatorFixtures.StartManualAsync(o => o.EnrichmentIrregularity = 0);
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var submit = await api.PostAsync("/catchAll/submit", """
            {"query":"Acquisitions of cybersecurity companies","limit":10,
             "enrichments":[
               {"name":"buyer","description":"Who buys","type":"company"},
               {"name":"deal_value","description":"Price","type":"number"},
               {"name":"closing_date","description":"When","type":"date"},
               {"name":"is_cross_border","description":"Different countries","type":"boolean"},
               {"name":"target_summary","description":"About the target","type":"text"}]}
            """);
        Assert.True(submit.Code == 200, submit.ToString());
        time.Advance(TimeSpan.FromMinutes(2));

        var pull = await api.GetAsync($"/catchAll/pull/{submit.Str("job_id")}");

        Assert.Equal("completed", pull.Str("status"));
        Assert.Equal(5, pull.Body.GetProperty("enrichments").GetArrayLength());
        var enrichment = pull.Body.GetProperty("all_records")[0].GetProperty("enrichment");
        Assert.Equal(JsonValueKind.Object, enrichment.GetProperty("buyer").ValueKind);
        Assert.Equal(JsonValueKind.Number, enrichment.GetProperty("deal_value").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", enrichment.GetProperty("closing_date").GetString());
        Assert.Contains(enrichment.GetProperty("is_cross_border").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(JsonValueKind.String, enrichment.GetProperty("target_summary").ValueKind);
        Assert.Contains("cybersecurity", pull.Body.GetProperty("all_records")[0].GetProperty("enrichment").GetProperty("target_summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_extends_the_limit_of_a_completed_job()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var jobId = (await api.PostAsync("/catchAll/submit", """{"query":"Product launches by robotics companies","limit":10}""")).Str("job_id");

        var tooEarly = await api.PostAsync("/catchAll/continue", $$"""{"job_id":"{{jobId}}","new_limit":20}""");
        time.Advance(TimeSpan.FromSeconds(50));
        var first = await api.GetAsync($"/catchAll/pull/{jobId}");
        var notGreater = await api.PostAsync("/catchAll/continue", $$"""{"job_id":"{{jobId}}","new_limit":10}""");
        var accepted = await api.PostAsync("/catchAll/continue", $$"""{"job_id":"{{jobId}}","new_limit":20}""");
        var during = await api.GetAsync($"/catchAll/status/{jobId}");
        time.Advance(TimeSpan.FromSeconds(10));
        var second = await api.GetAsync($"/catchAll/pull/{jobId}");

        Assert.Equal(400, tooEarly.Code);
        Assert.Equal(10, first.Body.GetProperty("all_records").GetArrayLength());
        Assert.Equal(400, notGreater.Code);
        Assert.Equal(JsonValueKind.String, notGreater.Body.GetProperty("detail").ValueKind);
        Assert.Equal(200, accepted.Code);
        Assert.Equal(10, accepted.Int("previous_limit"));
        Assert.Equal(20, accepted.Int("new_limit"));
        Assert.Equal("accepted", accepted.Str("status"));
        Assert.Equal("enriching", during.Str("status"));
        Assert.Equal("completed", second.Str("status"));
        Assert.Equal(20, second.Int("limit"));
        Assert.Equal(20, second.Body.GetProperty("all_records").GetArrayLength());
        var firstIds = first.Body.GetProperty("all_records").EnumerateArray().Select(r => r.GetProperty("record_id").GetString()).ToList();
        var secondIds = second.Body.GetProperty("all_records").EnumerateArray().Select(r => r.GetProperty("record_id").GetString()).ToList();
        Assert.Equal(firstIds, secondIds.Take(10));
    }

    [Fact]
    public async Task A_job_without_a_limit_has_nothing_to_continue_and_no_limit_goes_past_the_plan()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var unlimited = (await api.PostAsync("/catchAll/submit", """{"query":"Product launches by robotics companies"}""")).Str("job_id");
        var limited = (await api.PostAsync("/catchAll/submit", """{"query":"Product launches by drone makers","limit":10}""")).Str("job_id");
        time.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal("completed", (await api.GetAsync($"/catchAll/status/{unlimited}")).Str("status"));

        var nothingToContinue = await api.PostAsync("/catchAll/continue", $$"""{"job_id":"{{unlimited}}","new_limit":2000}""");
        var pastThePlan = await api.PostAsync("/catchAll/continue", $$"""{"job_id":"{{limited}}","new_limit":1001}""");
        var planMaximum = await api.PostAsync("/catchAll/continue", $$"""{"job_id":"{{limited}}"}""");

        Assert.Equal(400, nothingToContinue.Code);
        Assert.Contains("nothing to continue", nothingToContinue.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(400, pastThePlan.Code);
        Assert.Contains("plan maximum", pastThePlan.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(200, planMaximum.Code);
        Assert.Equal(1000, planMaximum.Int("new_limit"));
    }

    [Fact]
    public async Task Injected_failures_fail_the_job_with_an_error()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        emulator.Faults.FailNextJob("upstream index unavailable");
        emulator.Faults.FailJobsWhoseQueryContains("[boom]");

        var failing = (await api.PostAsync("/catchAll/submit", """{"query":"Data breaches at retailers"}""")).Str("job_id");
        var healthy = (await api.PostAsync("/catchAll/submit", """{"query":"Data breaches at banks"}""")).Str("job_id");
        var marked = (await api.PostAsync("/catchAll/submit", """{"query":"Lawsuits against carmakers [boom]"}""")).Str("job_id");
        var late = (await api.PostAsync("/catchAll/submit", """{"query":"IPO filings by chip makers"}""")).Str("job_id");
        time.Advance(TimeSpan.FromSeconds(42));
        emulator.Faults.FailJob(late, "cancelled by operator");
        time.Advance(TimeSpan.FromSeconds(30));

        var failed = await api.GetAsync($"/catchAll/status/{failing}");
        var ok = await api.GetAsync($"/catchAll/status/{healthy}");
        var markedStatus = await api.GetAsync($"/catchAll/status/{marked}");
        var lateStatus = await api.GetAsync($"/catchAll/pull/{late}");
        var failedPull = await api.GetAsync($"/catchAll/pull/{failing}");

        Assert.Equal("failed", failed.Str("status"));
        var steps = failed.Body.GetProperty("steps");
        Assert.True(steps[6].GetProperty("completed").GetBoolean());
        Assert.False(steps[5].GetProperty("completed").GetBoolean());
        Assert.True(steps[1].GetProperty("completed").GetBoolean());
        Assert.False(steps[2].GetProperty("completed").GetBoolean());
        Assert.Equal("completed", ok.Str("status"));
        Assert.Equal("failed", markedStatus.Str("status"));
        Assert.Equal("failed", lateStatus.Str("status"));
        Assert.Equal("cancelled by operator", lateStatus.Str("error"));
        Assert.Equal("upstream index unavailable", failedPull.Str("error"));
        Assert.Equal(0, failedPull.Body.GetProperty("all_records").GetArrayLength());
    }

    [Fact]
    public async Task Default_clock_completes_a_job_in_seconds()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var jobId = (await api.PostAsync("/catchAll/submit", """{"query":"Partnerships between telecom companies"}""")).Str("job_id");

        var status = await Api.EventuallyAsync(() => api.GetAsync($"/catchAll/status/{jobId}"), r => r.Str("status") == "completed", TimeSpan.FromSeconds(30), "job completion");
        var pull = await api.GetAsync($"/catchAll/pull/{jobId}");

        Assert.Equal("completed", status.Str("status"));
        Assert.True(pull.Int("valid_records") > 10);
        Assert.Equal(pull.Int("valid_records"), pull.Body.GetProperty("all_records").GetArrayLength());
    }

    [Fact]
    public async Task User_jobs_are_listed_newest_first_with_paging_and_delete_hides_them()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var ids = new List<string>();
        foreach (var query in new[] { "Funding for edtech", "Layoffs in gaming", "Fines for banks", "CEO changes at retailers", "Acquisitions in biotech" })
        {
            ids.Add((await api.PostAsync("/catchAll/submit", $$"""{"query":"{{query}}"}""")).Str("job_id"));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var page1 = await api.GetAsync("/catchAll/jobs/user?page=1&page_size=2");
        var page3 = await api.GetAsync("/catchAll/jobs/user?page=3&page_size=2");
        var searched = await api.GetAsync("/catchAll/jobs/user?search=layoffs");
        var badPage = await api.GetAsync("/catchAll/jobs/user?page=0");
        var deleted = await api.DeleteAsync($"/catchAll/jobs/{ids[4]}");
        var again = await api.DeleteAsync($"/catchAll/jobs/{ids[4]}");
        var afterDelete = await api.GetAsync("/catchAll/jobs/user");

        Assert.Equal(5, page1.Int("total"));
        Assert.Equal(3, page1.Int("total_pages"));
        Assert.Equal(ids[4], page1.Body.GetProperty("jobs")[0].GetProperty("job_id").GetString());
        Assert.Equal("***...0002", page1.Body.GetProperty("jobs")[0].GetProperty("user_key").GetString());
        Assert.Single(page3.Body.GetProperty("jobs").EnumerateArray());
        Assert.Equal(ids[0], page3.Body.GetProperty("jobs")[0].GetProperty("job_id").GetString());
        Assert.Equal(1, searched.Int("total"));
        Assert.Equal(422, badPage.Code);
        Assert.Equal(200, deleted.Code);
        Assert.True(deleted.Body.GetProperty("success").GetBoolean());
        Assert.Equal(200, again.Code);
        Assert.Equal(4, afterDelete.Int("total"));
    }

    [Fact]
    public async Task Initialize_and_validate_derive_suggestions_from_the_query()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());

        var init = await api.PostAsync("/catchAll/initialize", """{"query":"Series A funding for healthcare startups in India","context":"amounts"}""");
        var good = await api.PostAsync("/catchAll/validate", """{"query":"Series A funding rounds for fintech startups in Brazil"}""");
        var bad = await api.PostAsync("/catchAll/validate", """{"query":"news"}""");

        Assert.Equal("amounts", init.Str("context"));
        Assert.Contains(init.Body.GetProperty("enrichments").EnumerateArray(), e => e.GetProperty("type").GetString() == "company");
        Assert.Contains(init.Body.GetProperty("validators").EnumerateArray(), v => v.GetProperty("name").GetString()!.Contains("healthcare", StringComparison.Ordinal));
        Assert.True(DateTimeOffset.Parse(init.Str("end_date")) > DateTimeOffset.Parse(init.Str("start_date")));
        Assert.Equal("good", good.Str("status"));
        Assert.Equal(0, good.Body.GetProperty("issues").GetArrayLength());
        Assert.Equal("critical", bad.Str("status"));
        Assert.Contains(bad.Body.GetProperty("issues").EnumerateArray(), i => i.GetString() == "too_short");
        Assert.Equal(bad.Body.GetProperty("issues").GetArrayLength(), bad.Body.GetProperty("suggestions").GetArrayLength());
    }
}
