using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using CatchAll.Emulator.Http;

namespace CatchAll.Emulator.Synthetic;

/// <summary>Rule-based stand-in for the service's LLM suggestions and query checks.</summary>
internal static partial class QueryAdvisor
{
    private static readonly HashSet<string> CriticalIssues = ["too_short", "article_request", "static_content", "missing_event_type"];

    public static (IReadOnlyList<FieldSuggestion> Validators, IReadOnlyList<FieldSuggestion> Enrichments) Suggest(QueryProfile profile, bool watchlistNews)
    {
        if (watchlistNews)
        {
            return (Topic.WatchlistValidators, Topic.WatchlistEnrichments);
        }

        var validators = new List<FieldSuggestion>();
        var enrichments = new List<FieldSuggestion>();
        var topics = profile.Topics.Count > 0 ? profile.Topics : [];
        foreach (var topic in topics)
        {
            validators.AddRange(topic.Validators);
            foreach (var field in topic.Enrichments)
            {
                if (!enrichments.Exists(existing => existing.Name == field.Name))
                {
                    enrichments.Add(field);
                }
            }
        }

        if (topics.Count == 0)
        {
            validators.Add(new FieldSuggestion("is_relevant_event", "true if the page reports a concrete event matching the query", "boolean"));
            enrichments.AddRange(Topic.WatchlistEnrichments);
        }

        if (profile.Sector is not null)
        {
            validators.Add(new FieldSuggestion("is_" + Snake(profile.Sector) + "_company", $"true if the main company operates in {profile.Sector}", "boolean"));
        }

        if (profile.Country is not null)
        {
            validators.Add(new FieldSuggestion("is_in_" + Snake(profile.Country), $"true if the event takes place in {profile.Country}", "boolean"));
        }

        return (validators, enrichments);
    }

    public static JsonObject Assess(string query, DateTimeOffset now)
    {
        var profile = QueryProfile.Analyze(query);
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var lower = query.ToLowerInvariant();
        var issues = new List<string>();
        var suggestions = new JsonArray();

        void Flag(string issue, string message, string example)
        {
            if (issues.Contains(issue))
            {
                return;
            }

            issues.Add(issue);
            suggestions.Push(new JsonObject { ["issue"] = issue, ["message"] = message, ["example"] = example });
        }

        if (words < 3)
        {
            Flag("too_short", "Describe the kind of event you want in a few more words.", "Series A funding rounds for fintech startups");
        }

        if (words > 40 || query.Length > 400)
        {
            Flag("too_long", "Keep the query to one sentence; move extra guidance into context.", "Acquisitions of cybersecurity companies");
        }

        if (lower.Contains("article", StringComparison.Ordinal) || lower.StartsWith("news about", StringComparison.Ordinal) || lower.Contains("find news", StringComparison.Ordinal))
        {
            Flag("article_request", "Ask for events rather than articles; CatchAll returns events with their sources.", "Product launches by electric vehicle makers");
        }

        if (lower.StartsWith("how to", StringComparison.Ordinal) || lower.StartsWith("what is", StringComparison.Ordinal) || lower.Contains("history of", StringComparison.Ordinal) || lower.Contains("specification", StringComparison.Ordinal) || lower.Contains("tutorial", StringComparison.Ordinal))
        {
            Flag("static_content", "Reference material is out of scope; describe something that happens.", "Data breaches disclosed by retailers");
        }

        if (profile.Topics.Count == 0 && !issues.Contains("static_content") && !issues.Contains("article_request"))
        {
            Flag("missing_event_type", "Name the type of event to find (funding, layoffs, acquisitions, ...).", query.Trim() + " layoffs");
        }

        if (profile.Topics.Count >= 3)
        {
            Flag("multiple_event_types", "Split unrelated event types into separate jobs.", $"{Capitalize(profile.Topics[0].Noun)} in {profile.Sector ?? "SaaS"}");
        }

        foreach (Match match in YearPattern().Matches(query))
        {
            if (int.TryParse(match.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year < now.Year - 1)
            {
                Flag("wrong_timeframe", "The search window covers recent weeks only; drop the historical period.", StripYears(query));
            }
        }

        if (lower.Contains("last year", StringComparison.Ordinal) || lower.Contains("past year", StringComparison.Ordinal) || lower.Contains("last decade", StringComparison.Ordinal))
        {
            Flag("wrong_timeframe", "The search window covers at most 30 days; narrow the timeframe.", StripYears(query));
        }

        if (issues.Count == 0 && words <= 4 && profile.Sector is null && profile.Country is null)
        {
            Flag("too_vague", "Add a sector, region or company type to focus the results.", query.Trim() + " in the healthcare sector");
        }

        string status;
        string title;
        string description;
        double confidence;
        if (issues.Count == 0)
        {
            status = "good";
            title = "Clear event type";
            description = "The query names an event type and enough focus to search recent coverage.";
            confidence = 0.95;
        }
        else if (issues.Exists(CriticalIssues.Contains))
        {
            status = "critical";
            title = "Query unlikely to find events";
            description = "Fix the listed issues before submitting a job.";
            confidence = 0.9;
        }
        else
        {
            status = "needs_work";
            title = "Query could be sharper";
            description = "The query will run, but the suggestions below should improve the results.";
            confidence = 0.8;
        }

        var issueArray = new JsonArray();
        foreach (var issue in issues)
        {
            issueArray.Push(issue);
        }

        return new JsonObject
        {
            ["status"] = status,
            ["title"] = title,
            ["description"] = description,
            ["issues"] = issueArray,
            ["suggestions"] = suggestions,
            ["confidence"] = confidence,
        };
    }

    public static string Snake(string text)
    {
        var chars = new List<char>();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch))
            {
                chars.Add(ch);
            }
            else if (chars.Count > 0 && chars[^1] != '_')
            {
                chars.Add('_');
            }
        }

        return new string(chars.ToArray()).Trim('_');
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string StripYears(string query) => YearPattern().Replace(query, string.Empty).Replace("  ", " ", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"\b(19|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
