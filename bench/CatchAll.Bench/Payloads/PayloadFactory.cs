using System;
using System.Buffers;
using System.Text.Json;

namespace CatchAll.Bench.Payloads;

/// <summary>
/// Response and request bodies in the shapes of openapi/catchall.yaml, synthesized from a seed. They are
/// written with Utf8JsonWriter directly so no serializer under test shapes its own input.
/// </summary>
public static class PayloadFactory
{
    /// <summary>Seed of every payload; change it and every number in docs/benchmarks.md is void.</summary>
    public const int Seed = 20260217;

    private static readonly DateTimeOffset WindowStart = new(2026, 2, 10, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Confidence = { "low", "medium", "high" };

    private static readonly string[] Currencies = { "USD", "EUR", "GBP" };

    private static readonly string[] Stages = { "submitted", "analyzing", "fetching", "clustering", "enriching", "completed" };

    /// <summary>GET /catchAll/pull/{job_id} with <paramref name="records"/> records (1,000 is about 2.5 MB).</summary>
    public static byte[] PullBody(int records = 1000, int seed = Seed)
    {
        var words = new Words(seed);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("job_id", words.NextGuid());
            writer.WriteString("query", "Series B funding rounds for SaaS startups");
            writer.WriteString("context", "Focus on funding amount and company name");
            writer.WriteStartArray("validators");
            writer.WriteStartObject();
            writer.WriteString("name", "is_series_b_funding");
            writer.WriteString("description", "true if the page describes a Series B funding round");
            writer.WriteString("type", "boolean");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("enrichments");
            foreach (var name in new[] { "funding_amount", "funding_currency", "funding_date", "investee_company", "investor_company", "summary" })
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("description", words.Text(50));
                writer.WriteString("type", name.EndsWith("company", StringComparison.Ordinal) ? "company" : "text");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("status", "completed");
            writer.WriteNull("error");
            writer.WriteNumber("limit", records);
            writer.WriteString("duration", "11m");
            writer.WriteNumber("candidate_records", records + 137);
            writer.WriteNumber("valid_records", records);
            writer.WriteNumber("progress_validated", records + 137);
            writer.WriteStartObject("date_range");
            writer.WriteString("start_date", WindowStart);
            writer.WriteString("end_date", WindowStart.AddDays(7));
            writer.WriteEndObject();
            writer.WriteNumber("page", 1);
            writer.WriteNumber("page_size", records);
            writer.WriteNumber("total_pages", 1);
            writer.WriteString("mode", "base");
            writer.WriteNull("sharing_info");
            writer.WriteStartArray("all_records");
            for (var i = 0; i < records; i++)
            {
                WriteRecord(writer, words);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>GET /catchAll/status/{job_id}: a job in its enriching stage, about 400 bytes.</summary>
    public static byte[] StatusBody(int seed = Seed)
    {
        var words = new Words(seed + 1);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("job_id", words.NextGuid());
            writer.WriteString("status", "enriching");
            writer.WriteStartArray("steps");
            for (var i = 0; i < Stages.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("status", Stages[i]);
                writer.WriteNumber("order", i + 1);
                writer.WriteBoolean("completed", i < 4);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>POST /catchAll/submit's answer.</summary>
    public static byte[] SubmitResponseBody(int seed = Seed) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("job_id", new Words(seed + 2).NextGuid());
            writer.WriteEndObject();
        });

    /// <summary>
    /// POST /catchAll/submit's body. Large: 100 validators, 100 enrichments, 1,000 watchlist datasets
    /// (about 70 KB); small: the query, a window and a limit.
    /// </summary>
    public static byte[] SubmitBody(bool large, int seed = Seed)
    {
        var words = new Words(seed + 3);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("query", "Series B funding rounds for SaaS startups");
            writer.WriteString("context", "Focus on funding amount and company name");
            writer.WriteNumber("limit", 1000);
            writer.WriteString("start_date", WindowStart);
            writer.WriteString("end_date", WindowStart.AddDays(5));
            if (large)
            {
                writer.WriteStartArray("validators");
                for (var i = 0; i < 100; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", "is_" + words.Slug(3).Replace('-', '_') + "_" + i);
                    writer.WriteString("description", "true if " + words.Text(90));
                    writer.WriteString("type", "boolean");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("enrichments");
                var types = new[] { "text", "number", "date", "option", "url", "company" };
                for (var i = 0; i < 100; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", words.Slug(2).Replace('-', '_') + "_" + i);
                    writer.WriteString("description", "Extract " + words.Text(80));
                    writer.WriteString("type", types[i % types.Length]);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("mode", "base");
                writer.WriteStartArray("connected_dataset_ids");
                for (var i = 0; i < 1000; i++)
                {
                    writer.WriteStringValue(words.NextGuid());
                }

                writer.WriteEndArray();
                writer.WriteNumber("ed_score_min", 3);
                writer.WriteString("project_id", words.NextGuid());
                writer.WriteStartArray("webhook_ids");
                for (var i = 0; i < 5; i++)
                {
                    writer.WriteStringValue(words.NextGuid());
                }

                writer.WriteEndArray();
                writer.WriteBoolean("fetch_all_watchlist_news", false);
                writer.WriteString("ed_association_type", "event_associated");
            }

            writer.WriteEndObject();
        });
    }

    private static void WriteRecord(Utf8JsonWriter writer, Words words)
    {
        var investee = words.Company();
        var investor = words.Company();
        writer.WriteStartObject();
        writer.WriteString("record_id", words.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + words.Next(1_000_000_000, 2_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("record_title", investee + " raises $" + words.Next(5, 300) + "M Series B " + words.Text(30));
        writer.WriteStartObject("enrichment");
        writer.WriteString("enrichment_confidence", words.Pick(Confidence));
        writer.WriteNumber("funding_amount", words.Next(5, 300) * 1_000_000L);
        writer.WriteString("funding_currency", words.Pick(Currencies));
        writer.WriteString("funding_date", words.Date(WindowStart, 7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        WriteCompany(writer, "investee_company", investee, words, knownDomain: true);
        WriteCompany(writer, "investor_company", investor, words, knownDomain: words.Chance(0.6));
        writer.WriteNumber("valuation", words.Next(50, 3000) * 1_000_000L);
        writer.WriteString("other_investors", words.Company() + ", " + words.Company() + ", " + words.Company());
        writer.WriteString("summary", words.Text(640));
        writer.WriteEndObject();
        writer.WriteStartArray("citations");
        var citations = words.Next(2, 5);
        for (var c = 0; c < citations; c++)
        {
            writer.WriteStartObject();
            writer.WriteString("title", investee + " " + words.Text(70));
            writer.WriteString("link", "https://news." + words.Domain(words.Company()) + "/" + words.Date(WindowStart, 7).ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture) + "/" + words.Slug(9));
            writer.WriteString("published_date", words.Date(WindowStart, 7));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (words.Chance(0.5))
        {
            writer.WriteStartArray("connected_entities");
            var entities = words.Next(1, 3);
            for (var e = 0; e < entities; e++)
            {
                writer.WriteStartObject();
                writer.WriteString("entity_id", words.NextGuid());
                writer.WriteString("name", e == 0 ? investee : investor);
                writer.WriteNumber("ed_score", words.Next(1, 11));
                writer.WriteString("relation", words.Text(70));
                writer.WriteString("association_type", e == 0 ? "event_associated" : "mention");
                writer.WriteString("type", "company");
                writer.WriteStartObject("company");
                writer.WriteString("domain", words.Domain(e == 0 ? investee : investor));
                writer.WriteString("description", words.Text(60));
                writer.WriteStartArray("key_persons");
                writer.WriteStringValue(words.Pick(new[] { "Ada Moor", "Ben Hale", "Cara Lind", "Dev Patel" }));
                writer.WriteEndArray();
                writer.WriteNull("alternative_names");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteCompany(Utf8JsonWriter writer, string property, string company, Words words, bool knownDomain)
    {
        writer.WriteStartObject(property);
        writer.WriteString("source_text", company);
        writer.WriteNumber("confidence", Math.Round(0.5 + (words.NextDouble() / 2), 2));
        writer.WriteStartObject("metadata");
        writer.WriteString("name", company);
        if (knownDomain)
        {
            writer.WriteString("domain_url", words.Domain(company));
            writer.WriteString("domain_url_confidence", words.Pick(Confidence));
        }
        else
        {
            writer.WriteNull("domain_url");
            writer.WriteNull("domain_url_confidence");
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
