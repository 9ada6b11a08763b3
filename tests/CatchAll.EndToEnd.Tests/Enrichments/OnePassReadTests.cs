using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Enrichments;

/// <summary>
/// The typed methods read each record's enrichment object straight into T in the page's own pass: what they hand
/// out is that read (no second one), the scope ends with the call, and the record keeps every field it was sent.
/// </summary>
public sealed class OnePassReadTests : IAsyncLifetime
{
    private static readonly PollingOptions Polling = new() { Interval = TimeSpan.FromMilliseconds(100) };

    // Every tolerant rule in one object: a numeric string, a blank, an unreadable option, a bad company, an unknown field.
    private const string Tricky = """
        {"enrichment_confidence":"medium","investee_company":"Acme","funding_amount":"25,000,000","funding_currency":" ",
         "announcement_date":"February 17, 2026","lead_investor":{"source_text":"Big VC","confidence":0.9,"metadata":{"name":"Big VC"}},
         "stage":{"label":"Series B"},"acquirer":["x",1]}
        """;

    private EmulatorSession _session = null!;
    private CatchAllClient _client = null!;

    public async Task InitializeAsync()
    {
        _session = await EmulatorSession.StartAsync(new EmulatorOptions());
        _client = _session.Client;
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task The_pager_hands_out_the_pages_own_read_and_leaves_untyped_reads_alone()
    {
        var status = await _client.Jobs.SubmitAndWaitAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 10 }, Polling);

        await foreach (var r in _client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId))
        {
            // Read once, with the page: asking the record again gives the same object, not a second read.
            Assert.Same(r.Enrichment, r.Record.AsEnriched<FundingRound>().Enrichment);
        }

        // The typed call's scope ended with it: a plain pull afterwards reads enrichment objects as before.
        var plain = (await _client.Jobs.GetJobResultsAsync(status.JobId)).AllRecords!.First();
        Assert.NotSame(plain.AsEnriched<FundingRound>().Enrichment, plain.AsEnriched<FundingRound>().Enrichment);
    }

    [Fact]
    public async Task A_typed_record_keeps_every_field_it_was_sent()
    {
        var status = await _client.Jobs.SubmitAndWaitAsync<FundingRound>(new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 10 }, Polling);
        var plain = (await _client.Jobs.GetJobResultsAsync(status.JobId)).AllRecords!.ToDictionary(r => r.RecordId);

        await foreach (var r in _client.Jobs.GetJobResultsAllAsync<FundingRound>(status.JobId))
        {
            var sent = plain[r.RecordId].Enrichment;
            Assert.Equal(sent.EnrichmentConfidence, r.Record.Enrichment.EnrichmentConfidence);
            Assert.Equal(
                sent.AdditionalProperties.Where(p => !IsBlank(p.Value)).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal),
                r.Record.Enrichment.AdditionalProperties.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_scope_reads_as_the_element_reader_does_and_ends_when_disposed()
    {
        var body = Page(Tricky);
        CatchAll.Models.Record typed;
        using (EnrichmentExtensions.ReadRecordsAs<FundingRound>())
        {
            typed = JsonSerializer.Deserialize(body, CatchAllClientJson.PullJobResponse)!.AllRecords!.Single();
        }

        var untyped = JsonSerializer.Deserialize(body, CatchAllClientJson.PullJobResponse)!.AllRecords!.Single();
        var a = typed.AsEnriched<FundingRound>();
        var b = untyped.AsEnriched<FundingRound>();

        Assert.Same(a.Enrichment, typed.AsEnriched<FundingRound>().Enrichment);
        Assert.NotSame(b.Enrichment, untyped.AsEnriched<FundingRound>().Enrichment);
        Assert.Equal(Json(b.Enrichment), Json(a.Enrichment));
        Assert.Equal(25_000_000m, a.Enrichment.FundingAmount);
        Assert.Equal(new DateOnly(2026, 2, 17), a.Enrichment.AnnouncementDate);
        Assert.Equal("Big VC", a.Enrichment.LeadInvestor!.SourceText);
        Assert.Equal(b.Problems.Select(p => (p.Name, p.Value.GetRawText())), a.Problems.Select(p => (p.Name, p.Value.GetRawText())));
        Assert.Equal("stage", Assert.Single(a.Problems).Name);
        Assert.Equal("[\"x\",1]", Assert.Single(a.UnknownFields).Value.GetRawText());
        Assert.Equal("medium", a.EnrichmentConfidence);
        Assert.Equal(Confidence.Medium, typed.Enrichment.EnrichmentConfidence);
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("\"low\"", "low")]
    [InlineData("\"unsure\"", "unsure")]
    public void The_confidence_is_read_in_the_same_pass(string json, string? expected)
    {
        CatchAll.Models.Record record;
        using (EnrichmentExtensions.ReadRecordsAs<FundingRound>())
        {
            record = JsonSerializer.Deserialize(Page("{\"enrichment_confidence\":" + json + ",\"funding_amount\":1}"), CatchAllClientJson.PullJobResponse)!.AllRecords!.Single();
        }

        var enriched = record.AsEnriched<FundingRound>();
        Assert.Equal(expected, enriched.EnrichmentConfidence);
        Assert.Equal(expected, record.Enrichment.EnrichmentConfidence?.ToString());
        Assert.Equal(1m, enriched.Enrichment.FundingAmount);
    }

    [Fact]
    public void A_changed_typed_record_is_read_again()
    {
        CatchAll.Models.Record record;
        using (EnrichmentExtensions.ReadRecordsAs<FundingRound>())
        {
            record = JsonSerializer.Deserialize(Page(Tricky), CatchAllClientJson.PullJobResponse)!.AllRecords!.Single();
        }

        record.Enrichment.AdditionalProperties["funding_amount"] = JsonDocument.Parse("7").RootElement.Clone();

        Assert.Equal(7m, record.AsEnriched<FundingRound>().Enrichment.FundingAmount);
        Assert.Equal(7, record.Enrichment.AdditionalProperties["funding_amount"].GetInt32());
        Assert.Equal("Acme", record.Enrichment.AdditionalProperties["investee_company"].GetString());
    }

    [Fact]
    public void A_record_read_typed_writes_back_what_it_holds()
    {
        CatchAll.Models.Record record;
        using (EnrichmentExtensions.ReadRecordsAs<FundingRound>())
        {
            record = JsonSerializer.Deserialize(Page(Tricky), CatchAllClientJson.PullJobResponse)!.AllRecords!.Single();
        }

        using var written = JsonDocument.Parse(JsonSerializer.Serialize(record, CatchAllClientJson.Record));
        var enrichment = written.RootElement.GetProperty("enrichment");
        Assert.Equal("medium", enrichment.GetProperty("enrichment_confidence").GetString());
        Assert.Equal(25_000_000m, enrichment.GetProperty("funding_amount").GetDecimal());
        Assert.Equal("Series B", enrichment.GetProperty("stage").GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Array, enrichment.GetProperty("acquirer").ValueKind);
    }

    private static bool IsBlank(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null || value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length == 0;

    private static string Json(FundingRound value) => JsonSerializer.Serialize(FundingRound.EnrichmentSet.ToValues(value));

    private static byte[] Page(string enrichment)
    {
        var record = new JsonObject
        {
            ["record_id"] = "r1",
            ["record_title"] = "Acme raises",
            ["enrichment"] = JsonNode.Parse(enrichment),
            ["citations"] = new JsonArray(),
        };
        var page = new JsonObject
        {
            ["job_id"] = Guid.NewGuid().ToString(),
            ["query"] = "q",
            ["status"] = "completed",
            ["page"] = 1,
            ["page_size"] = 100,
            ["total_pages"] = 1,
            ["valid_records"] = 1,
            ["all_records"] = new JsonArray(record),
        };
        return System.Text.Encoding.UTF8.GetBytes(page.ToJsonString());
    }
}
