using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CatchAll.Emulator.Tests;

/// <summary>Records of jobs whose enrichments the caller defined: exactly those keys, typed values, and irregular ones on purpose.</summary>
public sealed class DefinedEnrichmentTests
{
    private const string Stages = "pre_seed, seed, series_a, series_b, series_c, series_d";

    private static readonly (string Name, string Description, string Type)[] EveryType =
    [
        ("investee_company", "Name of the company that raised the money", "company"),
        ("funding_amount", "Amount raised, in units of the currency", "number"),
        ("revenue_multiple", "Valuation as a multiple of annual revenue", "number"),
        ("funding_currency", "ISO 4217 code of the currency", "text"),
        ("announcement_date", "Date the round was announced", "date"),
        ("stage", "Stage of the round, one of: " + Stages, "option"),
        ("company_website", "Home page of the company", "url"),
    ];

    private enum Kind
    {
        Clean,
        Variant,
        Missing,
        Null,
        WrongType,
    }

    [Fact]
    public async Task With_irregularity_off_every_record_carries_exactly_the_defined_fields_with_clean_values()
    {
        var records = await PullAsync(EveryType, limit: 30, o => o.EnrichmentIrregularity = 0);

        Assert.Equal(30, records.Count);
        foreach (var record in records)
        {
            var enrichment = record.GetProperty("enrichment");
            var keys = enrichment.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(EveryType.Select(f => f.Name).Append("enrichment_confidence").Order(StringComparer.Ordinal), keys);
            Assert.Contains(enrichment.GetProperty("enrichment_confidence").GetString(), new[] { "low", "medium", "high" });
            foreach (var field in EveryType)
            {
                Assert.True(Classify(enrichment, field) == Kind.Clean, $"{field.Name}: {enrichment.GetProperty(field.Name).GetRawText()}");
            }
        }

        // Numbers come as integers and as decimals, depending on what the field measures.
        Assert.All(records, r => Assert.True(r.GetProperty("enrichment").GetProperty("funding_amount").TryGetInt64(out _)));
        Assert.Contains(records, r => !r.GetProperty("enrichment").GetProperty("revenue_multiple").TryGetInt64(out _));
    }

    [Fact]
    public async Task By_default_values_are_mostly_clean_and_every_irregular_case_occurs()
    {
        var records = await PullAsync(EveryType, limit: 40);

        var kinds = records.SelectMany(r => EveryType.Select(f => Classify(r.GetProperty("enrichment"), f))).ToList();
        var clean = kinds.Count(k => k == Kind.Clean) / (double)kinds.Count;
        Assert.InRange(clean, 0.8, 0.98);
        Assert.Contains(Kind.Variant, kinds);
        Assert.Contains(Kind.Missing, kinds);
        Assert.Contains(Kind.Null, kinds);
        Assert.Contains(Kind.WrongType, kinds);
        Assert.All(records, r => Assert.Contains(r.GetProperty("enrichment").GetProperty("enrichment_confidence").GetString(), new[] { "low", "medium", "high" }));
    }

    [Fact]
    public async Task With_irregularity_one_every_value_is_irregular_in_each_of_its_forms()
    {
        var records = await PullAsync(EveryType, limit: 40, o => o.EnrichmentIrregularity = 1);

        var values = EveryType.ToDictionary(f => f.Name, f => records.Select(r => (Kind: Classify(r.GetProperty("enrichment"), f), Value: Get(r, f.Name))).ToList());
        Assert.DoesNotContain(values.Values.SelectMany(v => v), v => v.Kind == Kind.Clean);
        foreach (var field in EveryType)
        {
            var seen = values[field.Name].Select(v => v.Kind).Distinct().Order().ToList();
            Kind[] expected = field.Type is "text" or "company" ? [Kind.Missing, Kind.Null, Kind.WrongType] : [Kind.Variant, Kind.Missing, Kind.Null, Kind.WrongType];
            Assert.True(expected.SequenceEqual(seen), $"{field.Name}: {string.Join(", ", seen)}");
        }

        // Numeric strings, for integers and for decimals, parse in invariant culture.
        Assert.Contains(values["funding_amount"], v => v.Kind == Kind.Variant && Regex.IsMatch(v.Value!.Value.GetString()!, @"^\d+$"));
        Assert.Contains(values["revenue_multiple"], v => v.Kind == Kind.Variant && v.Value!.Value.GetString()!.Contains('.', StringComparison.Ordinal));
        Assert.Contains(values["funding_amount"], v => v.Kind == Kind.WrongType && v.Value!.Value.ValueKind == JsonValueKind.String);

        // Dates: an ISO timestamp a lenient reader accepts, and forms it should reject or parse with care.
        var dates = values["announcement_date"].Where(v => v.Kind == Kind.Variant).Select(v => v.Value!.Value.GetString()!).ToList();
        Assert.Contains(dates, d => Regex.IsMatch(d, @"^\d{4}-\d{2}-\d{2}T00:00:00Z$"));
        Assert.Contains(dates, d => Regex.IsMatch(d, @"^[A-Z][a-z]+ \d{1,2}, \d{4}$"));
        Assert.Contains(dates, d => Regex.IsMatch(d, @"^\d{4}-\d{2}$"));
        Assert.Contains(values["announcement_date"], v => v.Kind == Kind.WrongType && v.Value!.Value.ValueKind == JsonValueKind.Number);

        Assert.Contains(values["stage"], v => v.Kind == Kind.Variant && v.Value!.Value.GetString() is "Series B" or "Series A" or "Seed");
        Assert.Contains(values["company_website"], v => v.Kind == Kind.Variant && !v.Value!.Value.GetString()!.Contains("://", StringComparison.Ordinal));
        Assert.Contains(values["investee_company"], v => v.Kind == Kind.WrongType && v.Value!.Value.ValueKind == JsonValueKind.String);
        Assert.Contains(values["funding_currency"], v => v.Kind == Kind.WrongType && v.Value!.Value.ValueKind == JsonValueKind.Array);
    }

    [Fact]
    public async Task Records_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        var first = await PullAsync(EveryType, limit: 20, o => o.EnrichmentIrregularity = 0.5);
        var again = await PullAsync(EveryType, limit: 20, o => o.EnrichmentIrregularity = 0.5);
        var other = await PullAsync(EveryType, limit: 20, o => { o.EnrichmentIrregularity = 0.5; o.Seed = 7; });

        Assert.Equal(Enrichments(first), Enrichments(again));
        Assert.NotEqual(Enrichments(first), Enrichments(other));
    }

    [Fact]
    public async Task Option_values_come_from_the_list_the_description_states_in_any_accepted_form()
    {
        (string Name, string Description, string Type)[] fields =
        [
            ("stage", "Stage of the round, one of: " + Stages, "option"),
            ("deal_status", "Options: announced, completed, rumoured", "option"),
            ("sentiment", "Tone of the coverage (one of positive | neutral | negative)", "option"),
            ("region", "Where it happened. Allowed values are 'americas', 'emea' or 'apac'.", "option"),
            ("size_bucket", "Size of the deal; choose from [small, medium, large]", "option"),
            ("source_kind", "Kind of source, values: \"press release\", \"news\", \"blog\"", "option"),
            ("funding_round", "Stage of the round, such as Seed or Series B", "option"),
            ("investor_type", "The funding option chosen by the company", "option"),
        ];

        var records = await PullAsync(fields, limit: 40, o => o.EnrichmentIrregularity = 0);

        string[] Values(string name) => records.Select(r => r.GetProperty("enrichment").GetProperty(name).GetString()!).ToArray();
        Assert.Subset(Stages.Split(", ").ToHashSet(), Values("stage").ToHashSet());
        Assert.Contains("series_b", Values("stage"));
        Assert.Subset(new HashSet<string> { "announced", "completed", "rumoured" }, Values("deal_status").ToHashSet());
        Assert.Subset(new HashSet<string> { "positive", "neutral", "negative" }, Values("sentiment").ToHashSet());
        Assert.True(Values("sentiment").Distinct().Count() > 1, "every option should be picked now and then");
        Assert.Subset(new HashSet<string> { "americas", "emea", "apac" }, Values("region").ToHashSet());
        Assert.Subset(new HashSet<string> { "small", "medium", "large" }, Values("size_bucket").ToHashSet());
        Assert.Subset(new HashSet<string> { "press release", "news", "blog" }, Values("source_kind").ToHashSet());

        // No list stated: the emulator answers as it always has (the round as the press writes it); prose that
        // only mentions "option" is no list.
        Assert.Contains("Series B", Values("funding_round"));
        Assert.All(Values("investor_type"), v => Assert.DoesNotContain("chosen", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monitor_records_carry_the_same_defined_fields()
    {
        // Every value irregular: a run that filled the fields as suggested ones would send clean values.
        var (emulator, time) = await StartAllIrregularWithHourlyMonitorsAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var reference = (await api.PostAsync("/catchAll/submit", Submit(EveryType, 10))).Str("job_id");
        time.Advance(TimeSpan.FromMinutes(2));
        var monitorId = (await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{reference}}","schedule":"every hour","limit":30}""")).Str("monitor_id");

        time.Advance(TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromMinutes(2));
        time.Advance(TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromMinutes(2));
        var pulled = await api.GetAsync($"/catchAll/monitors/pull/{monitorId}");

        var records = pulled.Body.GetProperty("all_records").EnumerateArray().ToList();
        Assert.True(records.Count > 10, pulled.ToString());
        var allowed = EveryType.Select(f => f.Name).Append("enrichment_confidence").ToHashSet();
        foreach (var record in records)
        {
            var enrichment = record.GetProperty("enrichment");
            Assert.All(enrichment.EnumerateObject(), p => Assert.Contains(p.Name, allowed));
            foreach (var field in EveryType)
            {
                Classify(enrichment, field);
            }
        }

        var kinds = records.SelectMany(r => EveryType.Select(f => Classify(r.GetProperty("enrichment"), f))).ToList();
        Assert.DoesNotContain(Kind.Clean, kinds);
        Assert.Contains(Kind.Variant, kinds);
    }

    [Fact]
    public async Task Jobs_and_monitors_with_suggested_enrichments_keep_plain_values_whatever_the_irregularity()
    {
        var (emulator, time) = await StartAllIrregularWithHourlyMonitorsAsync();
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var jobId = (await api.PostAsync("/catchAll/submit", """{"query":"Funding rounds for fintech startups","limit":20}""")).Str("job_id");
        time.Advance(TimeSpan.FromMinutes(2));
        var monitorId = (await api.PostAsync("/catchAll/monitors/create", $$"""{"reference_job_id":"{{jobId}}","schedule":"every hour","limit":20}""")).Str("monitor_id");
        time.Advance(TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromMinutes(2));

        var pull = await api.GetAsync($"/catchAll/pull/{jobId}");
        var monitor = await api.GetAsync($"/catchAll/monitors/pull/{monitorId}");

        var fields = pull.Body.GetProperty("enrichments").EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, Description: f.GetProperty("description").GetString()!, Type: f.GetProperty("type").GetString()!))
            .ToList();
        Assert.Contains(fields, f => f.Type == "number");
        var records = pull.Body.GetProperty("all_records").EnumerateArray().Concat(monitor.Body.GetProperty("all_records").EnumerateArray()).ToList();
        Assert.True(records.Count > 20);
        foreach (var record in records)
        {
            foreach (var field in fields.Where(f => f.Type is "number" or "date" or "company"))
            {
                Assert.Equal(Kind.Clean, Classify(record.GetProperty("enrichment"), field));
            }
        }
    }

    [Fact]
    public async Task Lite_jobs_send_no_defined_fields_and_a_null_confidence()
    {
        var records = await PullAsync(EveryType, limit: 10, mode: "lite");

        Assert.All(records, r =>
        {
            var enrichment = r.GetProperty("enrichment");
            Assert.Equal(JsonValueKind.Null, enrichment.GetProperty("enrichment_confidence").ValueKind);
            Assert.Single(enrichment.EnumerateObject());
        });
    }

    /// <summary>Every value irregular, monitors may run hourly.</summary>
    private static Task<(CatchAllEmulator Emulator, FakeTimeProvider Time)> StartAllIrregularWithHourlyMonitorsAsync() =>
        EmulatorFixtures.StartManualAsync(o =>
        {
            o.MinimumScheduleInterval = TimeSpan.Zero;
            o.EnrichmentIrregularity = 1;
        });

    private static async Task<List<JsonElement>> PullAsync((string Name, string Description, string Type)[] fields, int limit, Action<EmulatorOptions>? configure = null, string mode = "base")
    {
        var (emulator, time) = await EmulatorFixtures.StartManualAsync(configure);
        await using var owned = emulator;
        var api = new Api(emulator.CreateClient());
        var submit = await api.PostAsync("/catchAll/submit", Submit(fields, limit, mode));
        Assert.True(submit.Code == 200, submit.ToString());
        time.Advance(TimeSpan.FromMinutes(2));
        var pull = await api.GetAsync($"/catchAll/pull/{submit.Str("job_id")}?page_size=1000");
        Assert.Equal("completed", pull.Str("status"));
        Assert.Equal(fields.Length, pull.Body.GetProperty("enrichments").GetArrayLength());
        Assert.Equal(limit, pull.Body.GetProperty("all_records").GetArrayLength());
        return pull.Body.GetProperty("all_records").EnumerateArray().ToList();
    }

    private static string Submit((string Name, string Description, string Type)[] fields, int limit, string mode = "base") => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["query"] = "Series B funding rounds for SaaS startups",
        ["limit"] = limit,
        ["mode"] = mode,
        ["enrichments"] = fields.Select(f => new Dictionary<string, string> { ["name"] = f.Name, ["description"] = f.Description, ["type"] = f.Type }).ToArray(),
    });

    private static string Enrichments(List<JsonElement> records) => string.Join("\n", records.Select(r => r.GetProperty("record_id").GetString() + " " + r.GetProperty("enrichment").GetRawText()));

    private static JsonElement? Get(JsonElement record, string name) => record.GetProperty("enrichment").TryGetProperty(name, out var value) ? value : null;

    /// <summary>What a tolerant reader sees in one field; fails the test on anything outside the documented cases.</summary>
    private static Kind Classify(JsonElement enrichment, (string Name, string Description, string Type) field)
    {
        if (!enrichment.TryGetProperty(field.Name, out var value))
        {
            return Kind.Missing;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return Kind.Null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        var kind = field.Type switch
        {
            "text" => value.ValueKind switch
            {
                JsonValueKind.String => Kind.Clean,
                JsonValueKind.Array => Kind.WrongType,
                _ => (Kind?)null,
            },
            "number" => value.ValueKind switch
            {
                JsonValueKind.Number => Kind.Clean,
                JsonValueKind.String when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => Kind.Variant,
                JsonValueKind.String => Kind.WrongType,
                _ => null,
            },
            "date" => value.ValueKind switch
            {
                JsonValueKind.String when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => Kind.Clean,
                JsonValueKind.String => Kind.Variant,
                JsonValueKind.Number => Kind.WrongType,
                _ => null,
            },
            "option" => value.ValueKind switch
            {
                JsonValueKind.String when OptionsOf(field.Description).Contains(text!) => Kind.Clean,
                JsonValueKind.String => Kind.Variant,
                JsonValueKind.Array => Kind.WrongType,
                _ => null,
            },
            "url" => value.ValueKind switch
            {
                JsonValueKind.String when Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == "https" => Kind.Clean,
                JsonValueKind.String => Kind.Variant,
                JsonValueKind.Array => Kind.WrongType,
                _ => null,
            },
            "company" => value.ValueKind switch
            {
                JsonValueKind.Object => AssertCompany(value),
                JsonValueKind.String => Kind.WrongType,
                _ => null,
            },
            _ => null,
        };
        Assert.True(kind is not null, $"{field.Name} ({field.Type}): unexpected {value.GetRawText()}");
        return kind!.Value;
    }

    private static string[] OptionsOf(string description) => description.Contains("one of: ", StringComparison.Ordinal)
        ? description[(description.IndexOf("one of: ", StringComparison.Ordinal) + 8)..].Split(", ")
        : [];

    /// <summary>The spec's CompanyEnrichmentOutput: source_text, confidence in [0, 1], metadata with name and domain.</summary>
    private static Kind AssertCompany(JsonElement company)
    {
        Assert.False(string.IsNullOrEmpty(company.GetProperty("source_text").GetString()));
        Assert.InRange(company.GetProperty("confidence").GetDouble(), 0, 1);
        var metadata = company.GetProperty("metadata");
        Assert.False(string.IsNullOrEmpty(metadata.GetProperty("name").GetString()));
        Assert.Contains(metadata.GetProperty("domain_url").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        var confidence = metadata.GetProperty("domain_url_confidence");
        Assert.True(confidence.ValueKind == JsonValueKind.Null || confidence.GetString() is "low" or "medium" or "high");
        return Kind.Clean;
    }
}
