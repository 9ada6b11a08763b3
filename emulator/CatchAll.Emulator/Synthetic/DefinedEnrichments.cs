using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;

namespace CatchAll.Emulator.Synthetic;

/// <summary>
/// Fills the enrichments a caller defined on a job: exactly those keys, with values of the declared type, and
/// (at the rate of <see cref="EmulatorOptions.EnrichmentIrregularity"/>) the irregular values real extraction
/// produces, so a tolerant reader meets every case offline.
/// </summary>
/// <remarks>
/// Which value is irregular, and how, depends on the event (hence on <see cref="EmulatorOptions.Seed"/>) and the
/// field's name only: the same seed gives the same records in every run, in every job and monitor run.
/// </remarks>
internal static class DefinedEnrichments
{
    private enum Irregularity
    {
        /// <summary>Another form of the declared type that a reader may accept or reject (a numeric string, "March 2, 2026").</summary>
        Variant,

        /// <summary>The key is absent.</summary>
        Missing,

        /// <summary>The key is present with JSON null.</summary>
        Null,

        /// <summary>A value of another JSON type than the declared one (a company as a plain string).</summary>
        WrongType,
    }

    public static void Fill(JsonObject enrichment, SyntheticEvent e, IReadOnlyList<FieldSuggestion> fields, double irregularity)
    {
        foreach (var field in fields)
        {
            if (field.Name == "enrichment_confidence" || enrichment.ContainsKey(field.Name))
            {
                continue;
            }

            var hash = Hashing.Combine(e.Hash, "defined-enrichment:" + field.Name);
            if (Hashing.Unit(hash, 1) >= irregularity)
            {
                enrichment[field.Name] = Clean(e, field);
                continue;
            }

            switch (Pick(hash, field.Type))
            {
                case Irregularity.Missing:
                    break;
                case Irregularity.Null:
                    enrichment[field.Name] = null;
                    break;
                case Irregularity.WrongType:
                    enrichment[field.Name] = WrongType(e, field);
                    break;
                default:
                    enrichment[field.Name] = Variant(e, field, hash);
                    break;
            }
        }
    }

    /// <summary>The value of the declared type; never null, since a defined field the service filled has a value.</summary>
    internal static JsonNode Clean(SyntheticEvent e, FieldSuggestion field)
    {
        var name = field.Name.ToLowerInvariant();
        return field.Type switch
        {
            "number" => Number(e, name),
            "option" => Option(e, field, name),
            "url" => Url(e, name),
            _ => RecordBuilder.Value(e, field)!,
        };
    }

    // Types with a second form get it in 4 irregular values out of 10; the rest are split evenly.
    private static Irregularity Pick(ulong hash, string type)
    {
        var roll = Hashing.Unit(hash, 2);
        if (type is "number" or "date" or "option" or "url" or "boolean")
        {
            return roll switch
            {
                < 0.4 => Irregularity.Variant,
                < 0.6 => Irregularity.Missing,
                < 0.8 => Irregularity.Null,
                _ => Irregularity.WrongType,
            };
        }

        return roll switch
        {
            < 1.0 / 3 => Irregularity.Missing,
            < 2.0 / 3 => Irregularity.Null,
            _ => Irregularity.WrongType,
        };
    }

    private static JsonNode Number(SyntheticEvent e, string name)
    {
        // Amounts "in millions", ratios and scores come out as decimals, as extraction reports them.
        if (RecordBuilder.Has(name, "million"))
        {
            return Math.Round(e.Amount / 1_000_000.0, 1);
        }

        if (RecordBuilder.Has(name, "billion"))
        {
            return Math.Round(e.Amount / 1_000_000_000.0, 2);
        }

        if (RecordBuilder.Has(name, "ratio", "multiple", "score", "rating", "average"))
        {
            return Math.Round(1 + Hashing.Unit(e.Hash, 303) * 9, 1);
        }

        return RecordBuilder.Value(e, new FieldSuggestion(name, string.Empty, "number"))!;
    }

    private static JsonNode Option(SyntheticEvent e, FieldSuggestion field, string name)
    {
        var options = OptionList.Parse(field.Description);
        var natural = RecordBuilder.Value(e, field)?.ToString() ?? string.Empty;
        if (options.Count == 0)
        {
            return natural;
        }

        // Prefer the option that says what the event says ("Series B" for series_b), else any option.
        var wanted = OptionList.Normalize(natural);
        foreach (var option in options)
        {
            if (OptionList.Normalize(option) == wanted)
            {
                return option;
            }
        }

        return options[(int)(Hashing.Combine(e.Hash, "option:" + name) % (ulong)options.Count)];
    }

    private static JsonNode Url(SyntheticEvent e, string name)
    {
        if (RecordBuilder.Has(name, "source", "article", "press", "news", "announcement", "link") || e.Subject.Domain is null)
        {
            return e.Citations[0].Link;
        }

        var company = RecordBuilder.Has(name, "investor", "acquirer", "buyer", "partner", "parent") && e.Counterparty.Domain is not null
            ? e.Counterparty
            : e.Subject;
        return "https://www." + company.Domain + "/";
    }

    private static JsonNode? Variant(SyntheticEvent e, FieldSuggestion field, ulong hash)
    {
        var clean = Clean(e, field);
        switch (field.Type)
        {
            case "number":
                // "1250000" or "3.5": the number's own digits, in invariant culture.
                return clean.GetValueKind() == System.Text.Json.JsonValueKind.Number ? clean.ToJsonString() : clean;
            case "date":
                var date = DateTimeOffset.ParseExact(clean.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                return (Hashing.Combine(hash, 3) % 3) switch
                {
                    0 => Iso.Utc(date),
                    1 => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
                    _ => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                };
            case "option":
                return OffList(clean.GetValue<string>(), OptionList.Parse(field.Description));
            case "url":
                return new Uri(clean.GetValue<string>()).Host;
            case "boolean":
                return clean.GetValue<bool>() ? "true" : "false";
            default:
                return clean;
        }
    }

    /// <summary>A value outside the list: the option written as a title ("Series B" for series_b), else "unknown".</summary>
    private static string OffList(string option, IReadOnlyList<string> options)
    {
        var words = option.Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var prose = string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        foreach (var candidate in new[] { prose, "unknown", "not stated" })
        {
            if (!options.Contains(candidate))
            {
                return candidate;
            }
        }

        return "n/a";
    }

    private static JsonNode WrongType(SyntheticEvent e, FieldSuggestion field)
    {
        var clean = Clean(e, field);
        return field.Type switch
        {
            // What extraction gets wrong in practice: a figure in words, a year for a date, several options or
            // links at once, a company as its bare name, a yes/no as text.
            "number" => "undisclosed",
            "date" => e.EventDate.Year,
            "option" or "url" or "text" => new JsonArray(clean, Clean(e, field with { Name = field.Name + "_other" })),
            "company" => clean["source_text"]!.GetValue<string>(),
            "boolean" => clean.GetValue<bool>() ? "yes" : "no",
            _ => new JsonArray(clean),
        };
    }
}
