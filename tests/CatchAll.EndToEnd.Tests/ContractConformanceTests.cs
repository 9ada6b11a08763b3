using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using Microsoft.OpenApi;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// Every response the emulator gave during the operation tour (and the error probes) conforms to the response
/// schema openapi/catchall.yaml declares for that operation and status: the emulator stands in for the
/// service in our tests and our users', so where it drifts from the contract, tests pass that production fails.
/// </summary>
public sealed class ContractConformanceTests(OperationTourFixture tour) : IClassFixture<OperationTourFixture>
{
    public static TheoryData<string> OperationIds() => AllOperationsTests.OperationIds();

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Every_response_of_the_operation_conforms_to_its_declared_schema(string operationId)
    {
        var calls = tour.Requests.Where(r => SpecOperations.Match(r.Method, r.Path)?.OperationId == operationId).ToList();
        Assert.True(calls.Count > 0, $"{operationId} was never called{(tour.Failure is null ? string.Empty : " (the tour failed: " + tour.Failure.Message + ")")}.");
        var operation = SpecOperations.Operation(operationId);
        var problems = new List<string>();
        foreach (var call in calls)
        {
            foreach (var problem in Check(operation, call))
            {
                problems.Add($"{call.Method} {call.Path}{call.Query} -> {call.StatusCode}: {problem}");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} contract violation(s) in {calls.Count} response(s) of {operationId}:\n" + string.Join("\n", problems.Distinct().Take(40)));
    }

    [Fact]
    public void The_checked_responses_include_error_statuses()
    {
        var statuses = tour.Requests.Select(r => r.StatusCode).ToHashSet();
        Assert.Subset(statuses, new HashSet<int> { 200, 400, 403, 404, 422, 429 });
        Assert.All(tour.Requests, r => Assert.NotNull(r.ResponseMediaType is null && r.StatusCode != 204 ? null : r));
    }

    [Fact]
    public async Task Records_of_defined_enrichments_conform_and_read_when_every_value_is_irregular()
    {
        // Irregular values (numeric strings, nulls, companies as strings...) sit in the free-form part of
        // `enrichment`; the contract must still hold around them, for job and monitor records alike.
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { EnrichmentIrregularity = 1, MinimumScheduleInterval = TimeSpan.Zero });
        session.Http.CaptureBodies = true;
        var submitted = await session.Client.Jobs.CreateJobAsync(new SubmitRequest
        {
            Query = "Series B funding rounds for SaaS startups",
            Limit = 20,
            Enrichments =
            [
                new EnrichmentSchema { Name = "investee_company", Description = "The company that raised", Type = EnrichmentType.Company },
                new EnrichmentSchema { Name = "funding_amount", Description = "Amount raised", Type = EnrichmentType.Number },
                new EnrichmentSchema { Name = "funding_currency", Description = "ISO 4217 code", Type = EnrichmentType.Text },
                new EnrichmentSchema { Name = "announcement_date", Description = "Date announced", Type = EnrichmentType.Date },
                new EnrichmentSchema { Name = "stage", Description = "Stage, one of: seed, series_a, series_b", Type = EnrichmentType.Option },
                new EnrichmentSchema { Name = "company_website", Description = "Home page", Type = EnrichmentType.Url },
            ],
        });
        session.Emulator.Clock.Advance(TimeSpan.FromMinutes(20));
        var records = new List<CatchAll.Models.Record>();
        await foreach (var record in session.Client.Jobs.GetJobResultsAllAsync(submitted.JobId))
        {
            records.Add(record);
        }

        var monitor = await session.Client.Monitors.CreateMonitorAsync(new CreateMonitorRequest { ReferenceJobId = submitted.JobId, Schedule = "every hour", Limit = 20 });
        session.Emulator.Clock.Advance(TimeSpan.FromHours(1));
        session.Emulator.Clock.Advance(TimeSpan.FromMinutes(20));
        var pulled = await session.Client.Monitors.PullMonitorResultsAsync(Assert.NotNull(monitor.MonitorId));

        Assert.Equal(20, records.Count);
        Assert.Contains(records, r => r.Enrichment.AdditionalProperties.TryGetValue("funding_amount", out var amount) && amount.ValueKind == JsonValueKind.String);
        Assert.True(pulled.AllRecords!.Count >= 20, "the monitor starts from its reference job's records");
        var problems = new List<string>();
        foreach (var (operationId, call) in session.Http.Requests.Select(r => (SpecOperations.Match(r.Method, r.Path)?.OperationId, r)))
        {
            if (operationId is "getJobResults" or "pullMonitorResults")
            {
                problems.AddRange(Check(SpecOperations.Operation(operationId), call).Select(p => $"{operationId}: {p}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Contains(session.Http.Requests, r => SpecOperations.Match(r.Method, r.Path)?.OperationId == "pullMonitorResults");
    }

    [Fact]
    public void The_checker_reports_each_violation_with_its_json_path()
    {
        var schema = SpecOperations.Operation("getJobResults").Responses!["200"].Content!["application/json"].Schema!;
        using var document = JsonDocument.Parse("""
            {"job_id":"not-a-uuid","context":null,"status":"completed","page":0,"mode":"turbo",
             "all_records":[{"record_id":"r1","record_title":"t","enrichment":{},"citations":[{"title":"a","link":null}]}]}
            """);

        var violations = SchemaChecker.Check(schema, document.RootElement);

        Assert.Contains(violations, v => v.StartsWith("$.job_id: \"not-a-uuid\" is not a uuid", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.context: expected String, got null", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.page: 0 is below minimum 1", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.mode: string \"turbo\" is not one of", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.all_records[0].citations[0].link:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00Z", true)]
    [InlineData("2026-03-02T09:00:00.123456", true)]
    [InlineData("2026-03-02T09:00:00+00:00", true)]
    [InlineData("2026-03-02T09:00:00.5+00:00", true)]
    [InlineData("2026-03-02", false)]
    [InlineData("yesterday", false)]
    public void Date_times_are_accepted_in_every_form_the_service_sends(string text, bool valid)
    {
        Assert.Equal(valid, SchemaChecker.IsServiceDateTime(text));
    }

    private static IEnumerable<string> Check(OpenApiOperation operation, RecordedCall call)
    {
        var responses = operation.Responses ?? new OpenApiResponses();
        var key = call.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!responses.TryGetValue(key, out var declared)
            && !responses.TryGetValue(key[0] + "XX", out declared)
            && !responses.TryGetValue("default", out declared))
        {
            yield return $"status {key} is not declared (declared: {string.Join(", ", responses.Keys)})";
            yield break;
        }

        if (declared.Content is not { Count: > 0 } content)
        {
            if (!string.IsNullOrEmpty(call.ResponseBody))
            {
                yield return "a body was sent where the contract declares none";
            }

            yield break;
        }

        if (call.ResponseMediaType is not string mediaType || !content.TryGetValue(mediaType, out var media))
        {
            yield return $"media type '{call.ResponseMediaType}' is not declared (declared: {string.Join(", ", content.Keys)})";
            yield break;
        }

        if (media.Schema is null)
        {
            yield break;
        }

        JsonDocument? document = null;
        string? notJson = null;
        try
        {
            document = JsonDocument.Parse(call.ResponseBody ?? string.Empty);
        }
        catch (JsonException ex)
        {
            notJson = ex.Message;
        }

        if (document is null)
        {
            yield return "the body is not JSON: " + notJson;
            yield break;
        }

        using (document)
        {
            foreach (var violation in SchemaChecker.Check(media.Schema, document.RootElement))
            {
                yield return violation;
            }
        }
    }
}
