using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;

namespace CatchAll.Emulator.Synthetic;

/// <summary>
/// Turns a synthetic event into a record of the API's shape, filling each requested enrichment
/// field from the event by looking at the field's type and the words in its name.
/// </summary>
/// <remarks>
/// Fields the caller defined go through <see cref="DefinedEnrichments"/> (option lists, irregular values);
/// fields the emulator suggested itself keep their plain values.
/// </remarks>
internal static class RecordBuilder
{
    /// <param name="e">The event the record reports.</param>
    /// <param name="enrichments">The job's enrichment fields.</param>
    /// <param name="lite">Lite mode: no enrichment fields, a null confidence.</param>
    /// <param name="withConnectedEntities">Watchlist jobs list the tracked entities the event concerns.</param>
    /// <param name="definedIrregularity">
    /// Null when the emulator chose the enrichments; otherwise the caller defined them, and this is the share of
    /// irregular values (<see cref="EmulatorOptions.EnrichmentIrregularity"/>).
    /// </param>
    public static JsonObject Build(SyntheticEvent e, IReadOnlyList<FieldSuggestion> enrichments, bool lite, bool withConnectedEntities, double? definedIrregularity = null)
    {
        var enrichment = new JsonObject
        {
            ["enrichment_confidence"] = lite ? null : Confidence(e.Hash),
        };
        if (!lite && definedIrregularity is double irregularity)
        {
            DefinedEnrichments.Fill(enrichment, e, enrichments, irregularity);
        }
        else if (!lite)
        {
            foreach (var field in enrichments)
            {
                if (field.Name == "enrichment_confidence" || enrichment.ContainsKey(field.Name))
                {
                    continue;
                }

                enrichment[field.Name] = Value(e, field);
            }
        }

        var citations = new JsonArray();
        foreach (var citation in e.Citations)
        {
            citations.Push(new JsonObject
            {
                ["title"] = citation.Title,
                ["link"] = citation.Link,
                ["published_date"] = Iso.Utc(citation.PublishedAt),
            });
        }

        var record = new JsonObject
        {
            ["record_id"] = e.RecordId,
            ["record_title"] = e.Title,
            ["enrichment"] = enrichment,
            ["citations"] = citations,
        };
        if (withConnectedEntities)
        {
            var connected = new JsonArray();
            foreach (var link in e.Links)
            {
                var item = new JsonObject
                {
                    ["entity_id"] = link.EntityId.ToString(),
                    ["name"] = link.Name,
                    ["ed_score"] = link.Score,
                    ["relation"] = link.Relation,
                    ["association_type"] = link.Association,
                    ["type"] = link.EntityType,
                };
                if (link.Attributes is not null && link.Attributes.Count > 0)
                {
                    item[link.EntityType] = link.Attributes.DeepClone();
                }

                connected.Push(item);
            }

            record["connected_entities"] = connected;
        }

        return record;
    }

    private static string Confidence(ulong hash) => Hashing.Unit(hash, 300) switch
    {
        < 0.7 => "high",
        < 0.92 => "medium",
        _ => "low",
    };

    internal static JsonNode? Value(SyntheticEvent e, FieldSuggestion field)
    {
        var name = field.Name.ToLowerInvariant();
        var salt = (int)(Hashing.Of(name) % 1000);
        switch (field.Type)
        {
            case "company":
                return CompanyValue(e, name, salt);
            case "number":
                return NumberValue(e, name);
            case "date":
                return Iso.Date(name.Contains("effective", StringComparison.Ordinal) ? e.EventDate.AddDays(14) : e.EventDate);
            case "boolean":
                return name.StartsWith("is_", StringComparison.Ordinal) || name.StartsWith("has_", StringComparison.Ordinal)
                    ? Hashing.Unit(e.Hash, salt) < 0.85
                    : Hashing.Unit(e.Hash, salt) < 0.5;
            case "url":
                return e.Subject.Domain is null ? null : "https://www." + e.Subject.Domain + "/";
            case "option":
                return OptionValue(e, name, salt);
            default:
                return TextValue(e, name);
        }
    }

    private static JsonObject CompanyValue(SyntheticEvent e, string name, int salt)
    {
        var other = Has(name, "investor", "acquirer", "buyer", "partner", "parent", "plaintiff", "regulator", "lead", "counterparty", "purchaser");
        if (e.Topic.Key == "lawsuit" && Has(name, "defendant"))
        {
            other = false;
        }

        var company = other ? e.Counterparty : e.Subject;
        return new JsonObject
        {
            ["source_text"] = company.Name,
            ["confidence"] = Math.Round(0.8 + Hashing.Unit(e.Hash, salt) * 0.19, 2),
            ["metadata"] = new JsonObject
            {
                ["name"] = company.Name,
                ["domain_url"] = company.Domain,
                ["domain_url_confidence"] = company.Domain is null ? null : company.DomainConfidence,
            },
        };
    }

    private static JsonNode NumberValue(SyntheticEvent e, string name)
    {
        if (Has(name, "percent", "percentage", "share", "rate", "growth"))
        {
            return e.Percent;
        }

        if (Has(name, "valuation"))
        {
            return e.SecondaryAmount;
        }

        if (Has(name, "records", "exposed", "customers", "users"))
        {
            return e.Topic.Key == "data_breach" ? e.SecondaryAmount : e.Headcount * 100L;
        }

        if (Has(name, "employees", "headcount", "jobs", "staff", "workers", "affected", "layoff", "positions", "people"))
        {
            return e.Headcount;
        }

        if (Has(name, "year"))
        {
            return e.EventDate.Year;
        }

        if (Has(name, "amount", "funding", "value", "price", "fine", "penalty", "revenue", "raised", "size", "damages", "deal", "valuation", "cost", "investment"))
        {
            return e.Amount;
        }

        return e.Topic.Key is "layoffs" or "expansion" ? e.Headcount : e.Amount;
    }

    private static JsonNode? OptionValue(SyntheticEvent e, string name, int salt)
    {
        if (Has(name, "round", "stage", "series"))
        {
            return e.Round.Length > 0 ? e.Round : "Unknown";
        }

        if (Has(name, "status"))
        {
            return Hashing.Unit(e.Hash, salt) < 0.6 ? "announced" : "completed";
        }

        if (Has(name, "sector", "industry"))
        {
            return e.Sector;
        }

        return e.Topic.Key;
    }

    private static JsonNode TextValue(SyntheticEvent e, string name)
    {
        if (Has(name, "summary", "description", "details", "overview", "synopsis"))
        {
            return e.Summary;
        }

        if (Has(name, "currency"))
        {
            return e.Currency;
        }

        if (Has(name, "round", "stage", "series"))
        {
            return e.Round.Length > 0 ? e.Round : "Undisclosed";
        }

        if (Has(name, "status"))
        {
            return Hashing.Unit(e.Hash, 301) < 0.6 ? "announced" : "completed";
        }

        if (Has(name, "regulator", "authority", "agency"))
        {
            return e.Regulator;
        }

        if (Has(name, "exchange", "ticker", "market"))
        {
            return e.Exchange;
        }

        if (Has(name, "violation", "claim", "issue", "allegation"))
        {
            return e.Issue;
        }

        if (Has(name, "reason", "cause", "why"))
        {
            return e.Reason;
        }

        if (Has(name, "focus", "area", "scope"))
        {
            return e.Area;
        }

        if (Has(name, "facility", "site"))
        {
            return e.Facility;
        }

        if (Has(name, "category", "kind"))
        {
            return e.ProductCategory;
        }

        if (Has(name, "product", "model"))
        {
            return e.Product;
        }

        if (Has(name, "attack"))
        {
            return Hashing.Pick(e.Hash, 302, new[] { "ransomware", "phishing", "credential stuffing", "misconfigured storage" });
        }

        if (Has(name, "period", "quarter", "fiscal"))
        {
            return "Q" + ((e.EventDate.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture) + " " + e.EventDate.Year.ToString(CultureInfo.InvariantCulture);
        }

        if (Has(name, "role", "title", "position"))
        {
            return e.Role;
        }

        if (Has(name, "executive", "person", "ceo", "founder", "name_of", "hire"))
        {
            return e.Person;
        }

        if (Has(name, "country", "nation"))
        {
            return e.Country;
        }

        if (Has(name, "city", "location", "headquarter", "region", "geography", "place", "where"))
        {
            return e.City + ", " + e.Country;
        }

        if (Has(name, "sector", "industry", "vertical", "market"))
        {
            return e.Sector;
        }

        if (Has(name, "investor", "acquirer", "buyer", "partner", "plaintiff"))
        {
            return e.Counterparty.Name;
        }

        if (Has(name, "company", "startup", "firm", "organization", "organisation", "target", "defendant"))
        {
            return e.Subject.Name;
        }

        if (Has(name, "event_type", "type"))
        {
            return e.Topic.Noun;
        }

        return e.Summary;
    }

    internal static bool Has(string name, params string[] words)
    {
        foreach (var word in words)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
