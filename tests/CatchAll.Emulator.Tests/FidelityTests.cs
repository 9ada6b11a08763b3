using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CatchAll.Emulator.Tests;

/// <summary>Where the emulator once differed from the contract or the vendor's guides, and now follows them.</summary>
public sealed class FidelityTests
{
    private const string Query = "Funding rounds for climate tech startups";

    [Fact]
    public async Task A_job_without_context_omits_context_instead_of_sending_null()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync(o => o.MinimumScheduleInterval = TimeSpan.Zero);
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var job = (await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}}","limit":10}""")).Str("job_id");
        var withContext = (await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}}","context":"amounts","limit":10}""")).Str("job_id");
        time.Advance(TimeSpan.FromMinutes(1));
        var monitor = (await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every day at noon"}""")).Str("monitor_id");

        var pulled = await api.GetAsync($"/catchAll/pull/{job}");
        var monitorPull = await api.GetAsync($"/catchAll/monitors/pull/{monitor}");

        Assert.False(pulled.Body.TryGetProperty("context", out _), pulled.Text);
        Assert.False(monitorPull.Body.GetProperty("reference_job").TryGetProperty("context", out _), monitorPull.Text);
        Assert.Equal("amounts", (await api.GetAsync($"/catchAll/pull/{withContext}")).Str("context"));
    }

    [Fact]
    public async Task Listing_a_datasets_entities_requires_a_body()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        var entity = (await api.PostAsync("/catchAll/entities", """{"name":"Fidelity Co"}""")).Str("id");
        var dataset = (await api.PostAsync("/catchAll/datasets", $$"""{"name":"F","entity_ids":["{{entity}}"]}""")).Str("id");

        var missing = await api.PostAsync($"/catchAll/datasets/{dataset}/entities/list");
        var empty = await api.PostAsync($"/catchAll/datasets/{dataset}/entities/list", "{}");

        Assert.Equal(422, missing.Code);
        Assert.Equal("body", missing.Body.GetProperty("detail")[0].GetProperty("loc")[0].GetString());
        Assert.Equal(200, empty.Code);
    }

    [Fact]
    public async Task Monitor_creation_failures_answer_with_error_statuses_by_default()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var job = (await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}}","limit":10}""")).Str("job_id");
        var unfinished = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every day at noon"}""");
        time.Advance(TimeSpan.FromMinutes(1));

        var unknownJob = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{Guid.NewGuid()}}","schedule":"every day at noon"}""");
        var unknownWebhook = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every day at noon","webhook_ids":["{{Guid.NewGuid()}}"]}""");
        var hourly = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every 6 hours"}""");
        var twiceADay = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"0 9,21 * * *"}""");
        var daily = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every day at noon"}""");

        Assert.Equal(400, unfinished.Code);
        Assert.Equal(404, unknownJob.Code);
        Assert.Contains("was not found", unknownJob.Str("detail"));
        Assert.Equal(404, unknownWebhook.Code);
        Assert.Equal(400, hourly.Code);
        Assert.Contains("24 hour(s)", hourly.Str("detail"));
        Assert.Equal(400, twiceADay.Code);
        Assert.Equal(200, daily.Code);
        Assert.Equal(1, (await api.GetAsync("/catchAll/monitors")).Int("total"));
    }

    [Fact]
    public async Task The_older_contracts_answer_stays_available_behind_an_option()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync(o => o.MonitorCreationFailuresAsStatus = true);
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var job = (await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}}","limit":10}""")).Str("job_id");
        time.Advance(TimeSpan.FromMinutes(1));

        var unknownJob = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{Guid.NewGuid()}}","schedule":"every day at noon"}""");
        var hourly = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every hour"}""");

        Assert.Equal(200, unknownJob.Code);
        Assert.Equal(JsonValueKind.Null, unknownJob.Body.GetProperty("monitor_id").ValueKind);
        Assert.Contains("was not found", unknownJob.Str("status"));
        Assert.Equal(200, hourly.Code);
        Assert.Equal(JsonValueKind.Null, hourly.Body.GetProperty("monitor_id").ValueKind);
    }

    [Fact]
    public async Task Every_n_weeks_runs_every_nth_week_and_a_monitor_without_limit_runs_at_the_plan_limit()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var job = (await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}}","limit":10}""")).Str("job_id");
        time.Advance(TimeSpan.FromMinutes(1));
        var created = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every 2 weeks at 9 am","backfill":false}""");
        var monitor = created.Str("monitor_id");

        // Week by week, so each weekly occurrence is reached on its own rather than folded into one run.
        for (var week = 0; week < 6; week++)
        {
            time.Advance(TimeSpan.FromDays(7));
            await api.GetAsync("/health");
        }

        var jobs = await api.GetAsync($"/catchAll/monitors/{monitor}/jobs");
        var runs = jobs.Body.GetProperty("jobs").EnumerateArray().Select(j => DateTimeOffset.Parse(j.GetProperty("end_date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var pulled = await api.GetAsync($"/catchAll/monitors/pull/{monitor}");
        var runJob = jobs.Body.GetProperty("jobs")[0].GetProperty("job_id").GetString();
        time.Advance(TimeSpan.FromMinutes(5));
        var runResults = await api.GetAsync($"/catchAll/pull/{runJob}");

        Assert.Equal(200, created.Code);
        Assert.Equal(3, runs.Count);
        Assert.All(runs.Zip(runs.Skip(1), (a, b) => b - a), gap => Assert.Equal(TimeSpan.FromDays(14), gap));
        Assert.Equal(1000, pulled.Int("limit"));
        Assert.Equal(1000, runResults.Int("limit"));
    }

    [Fact]
    public async Task The_advertised_concurrency_limit_of_20_is_enforced_by_default_on_submit_continue_and_monitors()
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var reference = (await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}}","limit":10}""")).Str("job_id");
        time.Advance(TimeSpan.FromMinutes(1));
        var monitor = (await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{reference}}","schedule":"every day at noon"}""")).Str("monitor_id");
        await api.PostAsync($"/catchAll/monitors/{monitor}/disable");
        for (var i = 0; i < EmulatorOptions.DefaultConcurrencyLimit; i++)
        {
            Assert.Equal(200, (await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}} {{i}}","limit":10}""")).Code);
        }

        var submit = await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}}","limit":10}""");
        var extend = await api.PostAsync("/catchAll/continue", $$"""{"job_id":"{{reference}}","new_limit":20}""");
        var create = await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{reference}}","schedule":"every day at noon"}""");
        var enable = await api.PostAsync($"/catchAll/monitors/{monitor}/enable");

        Assert.All(new[] { submit, extend, create, enable }, r =>
        {
            Assert.Equal(429, r.Code);
            Assert.NotNull(r.RetryAfter);
        });

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(200, (await api.PostAsync("/catchAll/submit", $$"""{"query":"{{Query}}","limit":10}""")).Code);
    }
}

public sealed class TimestampFormTests
{
    private static readonly System.Text.RegularExpressions.Regex Zulu = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
    private static readonly System.Text.RegularExpressions.Regex Naive = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$");
    private static readonly System.Text.RegularExpressions.Regex Offset = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$");

    [Fact]
    public async Task Timestamps_come_in_every_form_the_service_sends_and_the_same_seed_gives_the_same_forms()
    {
        var first = await StampsAsync(configure: null);
        var again = await StampsAsync(configure: null);
        var uniform = await StampsAsync(o => o.VaryTimestampForms = false);

        Assert.Contains(first, s => Zulu.IsMatch(s));
        Assert.Contains(first, s => Naive.IsMatch(s));
        Assert.Contains(first, s => Offset.IsMatch(s));
        Assert.All(first, s => Assert.True(Zulu.IsMatch(s) || Naive.IsMatch(s) || Offset.IsMatch(s), s));
        Assert.Equal(first.Select(Form), again.Select(Form));
        Assert.All(uniform, s => Assert.Matches(Zulu, s));
    }

    private static string Form(string stamp) => Zulu.IsMatch(stamp) ? "Z" : Naive.IsMatch(stamp) ? "naive" : "offset";

    /// <summary>Service-stamped times from jobs, monitors and projects, in a fixed order.</summary>
    private static async Task<string[]> StampsAsync(Action<EmulatorOptions>? configure)
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync(configure);
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var job = (await api.PostAsync("/catchAll/submit", """{"query":"Funding rounds for climate tech startups","limit":10}""")).Str("job_id");
        time.Advance(TimeSpan.FromMinutes(1));
        var monitor = (await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{job}}","schedule":"every day at noon"}""")).Str("monitor_id");
        await api.PostAsync("/catchAll/projects", """{"name":"Stamps"}""");
        time.Advance(TimeSpan.FromDays(1));
        await api.GetAsync("/health");
        time.Advance(TimeSpan.FromMinutes(2));

        var pulled = await api.GetAsync($"/catchAll/pull/{job}");
        var jobs = await api.GetAsync("/catchAll/jobs/user");
        var monitors = await api.GetAsync("/catchAll/monitors");
        var runs = await api.GetAsync($"/catchAll/monitors/{monitor}/jobs");
        var history = await api.GetAsync($"/catchAll/monitors/{monitor}/status");
        var monitorPull = await api.GetAsync($"/catchAll/monitors/pull/{monitor}");
        var projects = await api.GetAsync("/catchAll/projects");
        var record = monitorPull.Body.GetProperty("all_records")[0];
        return
        [
            pulled.Body.GetProperty("date_range").GetProperty("start_date").GetString()!,
            pulled.Body.GetProperty("date_range").GetProperty("end_date").GetString()!,
            jobs.Body.GetProperty("jobs")[0].GetProperty("created_at").GetString()!,
            monitors.Body.GetProperty("monitors")[0].GetProperty("created_at").GetString()!,
            runs.Body.GetProperty("jobs")[0].GetProperty("start_date").GetString()!,
            runs.Body.GetProperty("jobs")[0].GetProperty("end_date").GetString()!,
            history.Body.GetProperty("statuses")[0].GetProperty("created_at").GetString()!,
            monitorPull.Body.GetProperty("run_info").GetProperty("first_run").GetString()!,
            record.GetProperty("added_on").GetString()!,
            record.GetProperty("updated_on").GetString()!,
            projects.Body.GetProperty("projects")[0].GetProperty("created_at").GetString()!,
            projects.Body.GetProperty("projects")[0].GetProperty("updated_at").GetString()!,
        ];
    }
}
