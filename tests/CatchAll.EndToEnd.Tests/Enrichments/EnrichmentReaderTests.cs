using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CatchAll.Models;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Enrichments;

/// <summary>
/// The generated reader and writer on hand-written enrichment objects: tolerant as extraction output needs (missing,
/// null, numeric strings, spellings of an option), never throwing for one bad field, and lossless on a round trip.
/// </summary>
public sealed class EnrichmentReaderTests
{
    private static (FundingRound Value, List<EnrichmentProblem> Problems) Read(string json)
    {
        var problems = new List<EnrichmentProblem>();
        using var document = JsonDocument.Parse(json);
        return (FundingRound.EnrichmentSet.ReadObject(document.RootElement.Clone(), problems), problems);
    }

    [Fact]
    public void Declared_fields_become_snake_case_schemas_with_the_types_mapped_from_csharp()
    {
        var schemas = FundingRound.Enrichments;

        Assert.Equal(
            new[] { ("investee_company", "text"), ("funding_amount", "number"), ("funding_currency", "text"), ("announcement_date", "date"), ("lead_investor", "company"), ("stage", "option") },
            schemas.Select(s => (s.Name, s.Type.ToString())));
        Assert.Equal("Stage of the round. One of: seed, series_a, series_b, series_c.", schemas.Single(s => s.Name == "stage").Description);
        Assert.Equal("Name of the company that raised the money", schemas[0].Description);
        Assert.NotSame(schemas, FundingRound.Enrichments);

        Assert.Equal(
            new[] { "employees:number", "share:number", "rounds:number", "happened_at:date", "local_time:date", "press_release:url", "website:url", "ticker:text", "weight:number", "small:number" },
            Everything.EnrichmentSet.Fields.Select(f => f.Name + ":" + f.Type));
    }

    [Fact]
    public void Values_of_every_declared_type_are_read()
    {
        var (value, problems) = Read("""
            {
              "investee_company": "VulnCheck",
              "funding_amount": 25000000,
              "funding_currency": "USD",
              "announcement_date": "2026-02-17",
              "lead_investor": { "source_text": "Sorenson Capital", "confidence": 0.99, "metadata": { "name": "Sorenson Capital", "domain_url": "sorensoncapital.com", "domain_url_confidence": "high" } },
              "stage": "series_b"
            }
            """);

        Assert.Empty(problems);
        Assert.Equal("VulnCheck", value.InvesteeCompany);
        Assert.Equal(25000000m, value.FundingAmount);
        Assert.Equal("USD", value.FundingCurrency);
        Assert.Equal(new DateOnly(2026, 2, 17), value.AnnouncementDate);
        Assert.Equal("Sorenson Capital", value.LeadInvestor!.Metadata.Name);
        Assert.Equal(0.99f, value.LeadInvestor.Confidence);
        Assert.Equal(FundingStage.SeriesB, value.Stage);
    }

    [Fact]
    public void Missing_and_null_fields_are_null_without_a_problem()
    {
        var (value, problems) = Read("""{ "funding_amount": null, "stage": null, "lead_investor": null, "announcement_date": "" }""");

        Assert.Empty(problems);
        Assert.Equal(new FundingRound(), value);
    }

    [Theory]
    [InlineData("\"25000000\"", "25000000")]
    [InlineData("\"25,000,000\"", "25000000")]
    [InlineData("\" 2.5e7 \"", "25000000")]
    [InlineData("\"1234.5\"", "1234.5")]
    [InlineData("2.5E7", "25000000")]
    public void A_number_sent_as_a_numeric_string_or_in_exponent_form_is_read_in_the_invariant_culture(string json, string expected)
    {
        var (value, problems) = Read("{ \"funding_amount\": " + json + " }");

        Assert.Empty(problems);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value.FundingAmount);
    }

    [Theory]
    [InlineData("Series B")]
    [InlineData("series-b")]
    [InlineData("SERIES_B")]
    [InlineData("SeriesB")]
    public void An_option_is_matched_whatever_its_spelling(string sent)
    {
        var (value, problems) = Read("{ \"stage\": \"" + sent + "\" }");

        Assert.Empty(problems);
        Assert.Equal(FundingStage.SeriesB, value.Stage);
    }

    [Fact]
    public void Unreadable_values_are_null_and_kept_raw_as_problems_while_the_other_fields_are_read()
    {
        var (value, problems) = Read("""
            {
              "investee_company": { "name": "not text" },
              "funding_amount": "about 25 million",
              "funding_currency": "USD",
              "announcement_date": "sometime soon",
              "lead_investor": "Sorenson Capital",
              "stage": "pre-seed"
            }
            """);

        Assert.Equal("USD", value.FundingCurrency);
        Assert.Null(value.InvesteeCompany);
        Assert.Null(value.FundingAmount);
        Assert.Null(value.AnnouncementDate);
        Assert.Null(value.LeadInvestor);
        Assert.Null(value.Stage);
        Assert.Equal(
            new[] { "investee_company:text", "funding_amount:number", "announcement_date:date", "lead_investor:company", "stage:option" },
            problems.Select(p => p.Name + ":" + p.ExpectedType));
        var amount = problems.Single(p => p.Name == "funding_amount");
        Assert.Equal("about 25 million", amount.Value.GetString());
        Assert.Contains("funding_amount", amount.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_company_object_missing_required_members_is_a_problem_not_an_exception()
    {
        var (value, problems) = Read("""{ "lead_investor": { "source_text": "Sorenson" } }""");

        Assert.Null(value.LeadInvestor);
        Assert.Equal("lead_investor", Assert.Single(problems).Name);
    }

    [Fact]
    public void Integers_floats_dates_and_urls_are_read_and_range_checked()
    {
        var problems = new List<EnrichmentProblem>();
        using var document = JsonDocument.Parse("""
            {
              "employees": "1,200", "share": "0.25", "rounds": 3.0, "happened_at": "2026-02-17T10:30:00+02:00",
              "local_time": "February 17, 2026", "press_release": "example.com/news/1", "website": "https://vulncheck.com",
              "ticker": 42, "weight": 1e40, "small": 300, "extra_field": [1, 2]
            }
            """);

        var value = Everything.EnrichmentSet.ReadObject(document.RootElement, problems);

        Assert.Equal(1200, value.Employees);
        Assert.Equal(0.25, value.Share);
        Assert.Equal(3, value.Rounds);
        Assert.Equal(new DateTimeOffset(2026, 2, 17, 10, 30, 0, TimeSpan.FromHours(2)), value.HappenedAt);
        Assert.Equal(new DateTime(2026, 2, 17), value.LocalTime!.Value.Date);
        Assert.Equal(new Uri("https://example.com/news/1"), value.PressRelease);
        Assert.Equal("https://vulncheck.com", value.Website);
        Assert.Equal("42", value.Ticker());
        Assert.Null(value.Weight);
        Assert.Null(value.Small);
        Assert.Equal(new[] { "weight", "small" }, problems.Select(p => p.Name));
    }

    [Fact]
    public void A_fractional_value_is_a_problem_for_an_integer_field_and_a_missing_non_nullable_one_is_its_default_and_a_problem()
    {
        var problems = new List<EnrichmentProblem>();
        using var document = JsonDocument.Parse("""{ "employees": 2.5 }""");

        var value = Everything.EnrichmentSet.ReadObject(document.RootElement, problems);

        Assert.Null(value.Employees);
        Assert.Equal(0, value.Rounds);
        Assert.Equal(new[] { "employees", "rounds" }, problems.Select(p => p.Name));
        // 0 is what the property holds; the problem says nothing was extracted, so "not there" and "zero" stay apart.
        Assert.Equal(JsonValueKind.Undefined, problems[1].Value.ValueKind);
        Assert.Contains("has no value", problems[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\" \"")]
    public void A_null_or_blank_value_of_a_non_nullable_property_is_a_problem(string json)
    {
        var problems = new List<EnrichmentProblem>();
        using var document = JsonDocument.Parse("{ \"rounds\": " + json + " }");

        var value = Everything.EnrichmentSet.ReadObject(document.RootElement, problems);

        Assert.Equal(0, value.Rounds);
        Assert.Equal("rounds", Assert.Single(problems).Name);
    }

    [Fact]
    public void A_date_with_an_offset_is_the_same_calendar_day_for_DateOnly_and_DateTime()
    {
        const string Late = "2026-02-17T23:30:00-05:00";
        using var round = JsonDocument.Parse("{ \"announcement_date\": \"" + Late + "\" }");
        using var everything = JsonDocument.Parse("{ \"local_time\": \"" + Late + "\", \"rounds\": 1 }");

        var date = FundingRound.EnrichmentSet.ReadObject(round.RootElement).AnnouncementDate;
        var time = Everything.EnrichmentSet.ReadObject(everything.RootElement).LocalTime!.Value;

        // As written: the sender's calendar day and clock, not the UTC instant (which is the 18th).
        Assert.Equal(new DateOnly(2026, 2, 17), date);
        Assert.Equal(new DateTime(2026, 2, 17, 23, 30, 0), time);
        Assert.Equal(DateTimeKind.Unspecified, time.Kind);
        Assert.Equal(date, DateOnly.FromDateTime(time));
    }

    [Fact]
    public void A_record_exposes_its_confidence_problems_and_unknown_fields()
    {
        var record = Records.Make("r1", """{ "enrichment_confidence": "medium", "funding_amount": "12", "stage": 7, "acquirer": "Someone" }""");

        var enriched = record.AsEnriched<FundingRound>();

        Assert.Same(record, enriched.Record);
        Assert.Equal("r1", enriched.RecordId);
        Assert.Equal("medium", enriched.EnrichmentConfidence);
        Assert.Equal(12m, enriched.Enrichment.FundingAmount);
        Assert.Equal("stage", Assert.Single(enriched.Problems).Name);
        Assert.True(enriched.HasProblems);
        Assert.Equal("Someone", Assert.Single(enriched.UnknownFields, f => f.Key == "acquirer").Value.GetString());
    }

    [Fact]
    public void A_typed_value_round_trips_through_the_writer()
    {
        var original = new FundingRound
        {
            InvesteeCompany = "Ünïcode \"Quoted\", Inc.",
            FundingAmount = 25000000.5m,
            AnnouncementDate = new DateOnly(2026, 2, 17),
            Stage = FundingStage.SeriesA,
            LeadInvestor = new CompanyEnrichmentOutput { SourceText = "Sorenson", Confidence = 0.5f, Metadata = new CompanyEnrichmentOutputMetadata { Name = "Sorenson Capital" } },
        };

        var values = FundingRound.EnrichmentSet.ToValues(original);
        var problems = new List<EnrichmentProblem>();
        var back = FundingRound.EnrichmentSet.Read(values, problems);

        Assert.Empty(problems);
        Assert.Equal("series_a", values["stage"].GetString());
        Assert.Equal(JsonValueKind.Null, values["funding_currency"].ValueKind);
        Assert.Equal(original with { LeadInvestor = null }, back with { LeadInvestor = null });
        Assert.Equal("Sorenson Capital", back.LeadInvestor!.Metadata.Name);
        Assert.Equal(0.5f, back.LeadInvestor.Confidence);
    }

    [Fact]
    public async Task Csv_export_quotes_by_rfc_4180_flattens_companies_and_formats_invariantly()
    {
        var records = new[]
        {
            Records.Make("r1", """{ "enrichment_confidence": "high", "investee_company": "Acme, \"the\" best\nco", "funding_amount": 1500000.25, "announcement_date": "2026-02-17", "stage": "seed", "lead_investor": { "source_text": "Big VC", "confidence": 0.75, "metadata": { "name": "Big VC LLC" } } }""", title: "Acme raises, again"),
            Records.Make("r2", """{ "funding_amount": "oops" }""", title: "Plain"),
        }.Select(r => r.AsEnriched<FundingRound>());

        using var writer = new StringWriter();
        var count = await FundingRound.EnrichmentSet.WriteCsvAsync(records.ToAsync(), writer);

        Assert.Equal(2, count);
        Assert.Equal(
            "record_id,record_title,enrichment_confidence,investee_company,funding_amount,funding_currency,announcement_date,lead_investor,lead_investor_confidence,stage\r\n"
            + "r1,\"Acme raises, again\",high,\"Acme, \"\"the\"\" best\nco\",1500000.25,,2026-02-17,Big VC LLC,0.75,seed\r\n"
            + "r2,Plain,,,,,,,,\r\n",
            writer.ToString());
    }

    [Fact]
    public async Task Json_lines_export_writes_one_object_per_record_that_reads_back()
    {
        var records = new[]
        {
            Records.Make("r1", """{ "enrichment_confidence": "low", "funding_amount": "7", "investee_company": "Zürich AG" }"""),
            Records.Make("r2", """{ "stage": "SERIES C" }"""),
        }.Select(r => r.AsEnriched<FundingRound>());

        using var stream = new MemoryStream();
        var count = await FundingRound.EnrichmentSet.WriteJsonLinesAsync(records.ToAsync(), stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(2, count);
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Empty, lines[2]);
        Assert.Contains("Zürich AG", lines[0], StringComparison.Ordinal);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("r1", first.RootElement.GetProperty("record_id").GetString());
        Assert.Equal("low", first.RootElement.GetProperty("enrichment_confidence").GetString());
        var back = FundingRound.EnrichmentSet.ReadObject(first.RootElement.GetProperty("enrichment"));
        Assert.Equal(new FundingRound { FundingAmount = 7m, InvesteeCompany = "Zürich AG" }, back);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(FundingStage.SeriesC, FundingRound.EnrichmentSet.ReadObject(second.RootElement.GetProperty("enrichment")).Stage);
    }

    [Fact]
    public void A_request_that_already_names_enrichments_is_refused_not_merged()
    {
        var request = new SubmitRequest { Query = "q", Enrichments = new List<EnrichmentSchema> { new() { Name = "x", Description = "x", Type = EnrichmentType.Text } } };

        var error = Assert.Throws<ArgumentException>(() => request.WithEnrichments<FundingRound>());

        Assert.Contains("FundingRound", error.Message, StringComparison.Ordinal);
        Assert.Single(request.Enrichments);
        Assert.Equal(6, new SubmitRequest { Query = "q" }.WithEnrichments<FundingRound>().Enrichments!.Count);
    }
}

internal static class Records
{
    public static CatchAll.Models.Record Make(string id, string enrichment, string title = "A title") =>
        JsonSerializer.Deserialize(
            "{ \"record_id\": \"" + id + "\", \"record_title\": " + JsonSerializer.Serialize(title) + ", \"citations\": [], \"enrichment\": " + enrichment + " }",
            CatchAllClientJson.Record)!;

    public static async IAsyncEnumerable<T> ToAsync<T>(this IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    public static string? Ticker(this Everything value) => value.StockSymbol;
}
