using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Enrichments;

/// <summary>
/// The issue's code against the emulator: a job submitted with a [CatchAllEnrichments] type asks for exactly its
/// fields, and its records come back typed. Which values the emulator picks is its business; what is checked is
/// that every value the service sent is either read as its declared type or kept as a problem, never lost.
/// </summary>
public sealed class TypedJobTests : IAsyncLifetime
{
    private static readonly PollingOptions Polling = new() { Interval = TimeSpan.FromMilliseconds(100) };
    private EmulatorSession _session = null!;
    private CatchAllClient _client = null!;

    public async Task InitializeAsync()
    {
        _session = await EmulatorSession.StartAsync(new EmulatorOptions());
        _client = _session.Client;
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task The_issue_sample_submits_the_types_enrichments_and_reads_every_record_typed()
    {
        var request = new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 50 };
        var status = await _client.Jobs.SubmitAndWaitAsync<FundingRound>(request, Polling);

        Assert.Equal(PublicJobStatus.Completed, status.Status);
        Assert.Null(request.Enrichments);
        var asked = (await _client.Jobs.GetJobStatusAsync(status.JobId)).AdditionalProperties;
        var records = new List<EnrichedRecord<CatchAll.Models.Record, FundingRound>>();
        await foreach (var r in _client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId))
        {
            Console.WriteLine($"{r.Record.RecordTitle}: {r.Enrichment.FundingAmount} {r.Enrichment.FundingCurrency}");
            records.Add(r);
        }

        Assert.NotEmpty(records);
        foreach (var r in records)
        {
            Assert.NotNull(r.Enrichment);
            Assert.Equal(r.Record.RecordId, r.RecordId);
            Assert.Equal(r.Record.Enrichment.EnrichmentConfidence?.ToString(), r.EnrichmentConfidence);
            AssertNothingLost(r);
        }
    }

    [Fact]
    public async Task The_job_asks_the_service_for_exactly_the_declared_fields()
    {
        var created = await _client.Jobs.CreateJobAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 10 });

        var status = await _client.Jobs.WaitForCompletionAsync(created.JobId, Polling);
        var page = await _client.Jobs.GetJobResultsAsync(status.JobId);

        // The job echoes the enrichments it ran with: the declared ones, snake_case, typed, options listed.
        using var echoed = JsonDocument.Parse(JsonSerializer.Serialize(page, CatchAllClientJson.PullJobResponse));
        var used = echoed.RootElement.GetProperty("enrichments").EnumerateArray()
            .Select(e => (Name: e.GetProperty("name").GetString(), Type: e.GetProperty("type").GetString(), Description: e.GetProperty("description").GetString()))
            .ToList();
        Assert.Equal(FundingRound.Enrichments.Select(s => (s.Name, s.Type.ToString(), s.Description)), used.Select(u => (u.Name!, u.Type!, u.Description!)));

        var record = page.AllRecords!.First();
        var keys = record.Enrichment.AdditionalProperties.Keys.ToHashSet();
        var declared = FundingRound.EnrichmentSet.Fields.Select(f => f.Name).ToHashSet();
        Assert.True(keys.IsSubsetOf(declared), "the emulator sent fields the job did not ask for: " + string.Join(", ", keys.Except(declared)));
    }

    [Fact]
    public async Task Partial_results_arrive_typed_each_record_once()
    {
        var created = await _client.Jobs.CreateJobAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 20 });
        var batches = new SyncProgress<IReadOnlyList<EnrichedRecord<CatchAll.Models.Record, FundingRound>>>();

        var status = await _client.Jobs.WaitForCompletionWithPartialResultsAsync<FundingRound>(created.JobId, batches, Polling);

        Assert.Equal(PublicJobStatus.Completed, status.Status);
        var seen = batches.Reports.SelectMany(b => b).Select(r => r.RecordId).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(batches.Reports.SelectMany(b => b), AssertNothingLost);
    }

    [Fact]
    public async Task A_monitor_of_a_typed_job_pulls_typed_records()
    {
        var status = await _client.Jobs.SubmitAndWaitAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 10 }, Polling);
        var monitor = await _client.Monitors.CreateMonitorAsync(new CreateMonitorRequest { ReferenceJobId = status.JobId, Schedule = "every day at 12 PM UTC", Backfill = false });

        var pulled = await _client.Monitors.PullMonitorResultsAsync<FundingRound>(monitor.MonitorId!.Value);

        Assert.Equal(monitor.MonitorId, pulled.Page.MonitorId);
        Assert.Equal(pulled.Page.AllRecords!.Count, pulled.Records.Count);
        Assert.All(pulled.Records, r => AssertNothingLost(r));
    }

    [Fact]
    public async Task Typed_results_stream_to_csv_with_one_row_per_record()
    {
        var status = await _client.Jobs.SubmitAndWaitAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 15 }, Polling);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        var count = await FundingRound.EnrichmentSet.WriteCsvAsync(_client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId, pageSize: 4), writer);

        var rows = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(count > 0);
        Assert.StartsWith("record_id,record_title,enrichment_confidence,investee_company,funding_amount,", rows[0], StringComparison.Ordinal);
        Assert.True(rows.Length >= count + 1, "a row per record (quoted titles may add lines)");
    }

    [Fact]
    public async Task A_request_with_its_own_enrichments_is_refused_before_anything_is_sent()
    {
        var request = new SubmitRequest { Query = "q", Enrichments = new List<EnrichmentSchema> { new() { Name = "x", Description = "x", Type = EnrichmentType.Text } } };

        await Assert.ThrowsAsync<ArgumentException>(() => _client.Jobs.SubmitAndWaitAsync<FundingRound>(request, Polling));

        Assert.Empty((await _client.Jobs.GetUserJobsAsync()).Jobs);
    }

    [Fact]
    public async Task A_numeric_string_a_missing_field_and_an_unreadable_one_are_read_null_or_kept()
    {
        var handler = new ReshapingHandler();
        using var http = new System.Net.Http.HttpClient(handler) { BaseAddress = _session.Emulator.BaseAddress };
        using var client = new CatchAllClient(http, new CatchAllClientOptions { ApiKey = _session.Emulator.ApiKey });

        var status = await client.Jobs.SubmitAndWaitAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 10 }, Polling);
        var records = new List<EnrichedRecord<CatchAll.Models.Record, FundingRound>>();
        await foreach (var r in client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId))
        {
            records.Add(r);
        }

        Assert.NotEmpty(records);
        Assert.Equal(records.Count, handler.Rewritten);
        Assert.All(records, r =>
        {
            Assert.Equal(25_000_000m, r.Enrichment.FundingAmount);
            Assert.Null(r.Enrichment.FundingCurrency);
            Assert.Null(r.Enrichment.Stage);
            var problem = Assert.Single(r.Problems, p => p.Name == "stage");
            Assert.Equal("Series B", problem.Value.GetProperty("label").GetString());
            Assert.DoesNotContain(r.Problems, p => p.Name is "funding_amount" or "funding_currency");
            AssertNothingLost(r);
        });
    }

    /// <summary>Every field the service sent is typed, a problem with its raw value, or (not declared) an unknown field.</summary>
    private static void AssertNothingLost<TRecord>(EnrichedRecord<TRecord, FundingRound> r)
    {
        var typed = FundingRound.EnrichmentSet.ToValues(r.Enrichment);
        var raw = r.Record switch
        {
            CatchAll.Models.Record record => record.Enrichment.AdditionalProperties,
            MonitorRecord record => record.Enrichment.AdditionalProperties,
            _ => throw new InvalidOperationException(),
        };
        foreach (var (name, value) in raw)
        {
            if (!FundingRound.EnrichmentSet.IsField(name))
            {
                Assert.True(r.UnknownFields.ContainsKey(name), name + " is neither declared nor unknown");
                continue;
            }

            var problem = r.Problems.SingleOrDefault(p => p.Name == name);
            if (value.ValueKind == JsonValueKind.Null)
            {
                Assert.Null(problem);
                Assert.Equal(JsonValueKind.Null, typed[name].ValueKind);
            }
            else if (problem is not null)
            {
                Assert.Equal(JsonValueKind.Null, typed[name].ValueKind);
                Assert.Equal(value.GetRawText(), problem.Value.GetRawText());
            }
            else
            {
                Assert.True(typed[name].ValueKind != JsonValueKind.Null || value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length == 0, name + " was sent as " + value.GetRawText() + " but read as null without a problem");
            }
        }
    }
}
