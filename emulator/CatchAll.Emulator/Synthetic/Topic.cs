using System;
using System.Collections.Generic;

namespace CatchAll.Emulator.Synthetic;

internal sealed record FieldSuggestion(string Name, string Description, string Type);

/// <summary>A kind of real-world event the synthetic timeline produces, with the fields that suit it.</summary>
internal sealed class Topic(string key, string noun, string[] keywords, FieldSuggestion[] validators, FieldSuggestion[] enrichments)
{
    public string Key { get; } = key;

    /// <summary>Short description used in suggestions ("a funding round").</summary>
    public string Noun { get; } = noun;

    public string[] Keywords { get; } = keywords;

    public FieldSuggestion[] Validators { get; } = validators;

    public FieldSuggestion[] Enrichments { get; } = enrichments;

    public static readonly Topic Funding = new(
        "funding", "a funding round",
        ["fund", "funding", "raise", "raises", "raised", "raising", "series", "seed", "investment", "investments", "venture", "vc", "round", "rounds", "financing", "backed"],
        [new("is_funding_round", "true if the page reports a company raising a new funding round", "boolean")],
        [
            new("funding_amount", "Amount of money raised in the round", "number"),
            new("funding_currency", "Currency of the amount raised", "text"),
            new("funding_round", "Stage of the round, such as Seed or Series B", "text"),
            new("investee_company", "The company that raised the money", "company"),
            new("investor_company", "The investor leading the round", "company"),
            new("funding_date", "Date the round was announced", "date"),
        ]);

    public static readonly Topic Acquisition = new(
        "acquisition", "an acquisition",
        ["acquisition", "acquisitions", "acquire", "acquires", "acquired", "merger", "mergers", "m&a", "buyout", "takeover", "takeovers", "buys"],
        [new("is_acquisition", "true if one company agreed to buy or completed buying another", "boolean")],
        [
            new("acquirer_company", "The company making the purchase", "company"),
            new("target_company", "The company being bought", "company"),
            new("deal_value", "Price of the deal", "number"),
            new("deal_currency", "Currency of the deal value", "text"),
            new("deal_status", "Whether the deal is announced or completed", "text"),
            new("announcement_date", "Date the deal was announced", "date"),
        ]);

    public static readonly Topic Layoffs = new(
        "layoffs", "a round of layoffs",
        ["layoff", "layoffs", "laid", "lays", "cuts", "cut", "redundancies", "downsizing", "downsize", "workforce", "restructuring", "firing"],
        [new("is_layoff_event", "true if the page reports job cuts at a named company", "boolean")],
        [
            new("company", "The company cutting jobs", "company"),
            new("employees_affected", "Number of employees losing their jobs", "number"),
            new("workforce_percentage", "Share of the workforce affected, in percent", "number"),
            new("reason", "Stated reason for the cuts", "text"),
            new("announcement_date", "Date the cuts were announced", "date"),
        ]);

    public static readonly Topic ProductLaunch = new(
        "product_launch", "a product launch",
        ["launch", "launches", "launched", "unveil", "unveils", "release", "releases", "product", "products", "rollout", "debut"],
        [new("is_product_launch", "true if a company introduced a new product or service", "boolean")],
        [
            new("company", "The company behind the launch", "company"),
            new("product_name", "Name of the new product", "text"),
            new("product_category", "What kind of product it is", "text"),
            new("launch_date", "Date of the launch", "date"),
        ]);

    public static readonly Topic Partnership = new(
        "partnership", "a partnership",
        ["partnership", "partnerships", "partner", "partners", "alliance", "collaboration", "collaborate", "joint"],
        [new("is_partnership", "true if two or more organisations announced a partnership", "boolean")],
        [
            new("company", "The first company in the partnership", "company"),
            new("partner_company", "The other party to the partnership", "company"),
            new("partnership_focus", "Area the partnership covers", "text"),
            new("announcement_date", "Date the partnership was announced", "date"),
        ]);

    public static readonly Topic RegulatoryFine = new(
        "regulatory_fine", "a regulatory fine",
        ["fine", "fines", "fined", "penalty", "penalties", "regulator", "regulators", "regulatory", "sanction", "sanctions", "antitrust", "settlement", "enforcement"],
        [new("is_regulatory_penalty", "true if a regulator imposed a fine or penalty on a company", "boolean")],
        [
            new("fined_company", "The company that was penalised", "company"),
            new("regulator", "The authority imposing the penalty", "text"),
            new("fine_amount", "Amount of the penalty", "number"),
            new("fine_currency", "Currency of the penalty", "text"),
            new("violation", "What the company was penalised for", "text"),
            new("decision_date", "Date of the decision", "date"),
        ]);

    public static readonly Topic ExecutiveChange = new(
        "executive_change", "a leadership change",
        ["ceo", "cfo", "cto", "coo", "executive", "executives", "appoints", "appointed", "appointment", "names", "resigns", "resignation", "hire", "hires", "leadership", "steps"],
        [new("is_executive_change", "true if a company named or lost a senior executive", "boolean")],
        [
            new("company", "The company whose leadership changed", "company"),
            new("executive_name", "Name of the executive", "text"),
            new("executive_role", "Role the executive takes or leaves", "text"),
            new("effective_date", "Date the change takes effect", "date"),
        ]);

    public static readonly Topic Ipo = new(
        "ipo", "an initial public offering",
        ["ipo", "ipos", "listing", "listings", "offering", "public", "flotation", "debut"],
        [new("is_ipo", "true if a company filed for or completed an initial public offering", "boolean")],
        [
            new("company", "The company going public", "company"),
            new("exchange", "Exchange the shares will trade on", "text"),
            new("amount_raised", "Money the offering is expected to raise", "number"),
            new("valuation", "Valuation implied by the offering", "number"),
            new("filing_date", "Date of the filing or listing", "date"),
        ]);

    public static readonly Topic DataBreach = new(
        "data_breach", "a data breach",
        ["breach", "breaches", "hack", "hacked", "hackers", "cyberattack", "cyberattacks", "ransomware", "leak", "leaked", "incident"],
        [new("is_data_breach", "true if a company disclosed a security incident exposing data", "boolean")],
        [
            new("company", "The company that was breached", "company"),
            new("records_exposed", "Number of customer records exposed", "number"),
            new("attack_type", "Kind of attack, if known", "text"),
            new("disclosure_date", "Date the breach was disclosed", "date"),
        ]);

    public static readonly Topic Expansion = new(
        "expansion", "an expansion",
        ["expansion", "expands", "expanding", "opens", "office", "offices", "headquarters", "relocation", "relocates", "facility", "factory", "plant", "hub"],
        [new("is_expansion", "true if a company opened or announced a new site", "boolean")],
        [
            new("company", "The expanding company", "company"),
            new("facility_type", "Kind of site being opened", "text"),
            new("location", "City and country of the new site", "text"),
            new("jobs_created", "Number of jobs the site is expected to create", "number"),
            new("opening_date", "Date the site opens or was announced", "date"),
        ]);

    public static readonly Topic Lawsuit = new(
        "lawsuit", "a lawsuit",
        ["lawsuit", "lawsuits", "sue", "sues", "sued", "litigation", "court", "complaint", "legal"],
        [new("is_lawsuit", "true if a company filed or faces a lawsuit", "boolean")],
        [
            new("defendant_company", "The company being sued", "company"),
            new("plaintiff_company", "The party bringing the suit", "company"),
            new("claim", "What the suit is about", "text"),
            new("damages_sought", "Damages sought, if stated", "number"),
            new("filing_date", "Date the suit was filed", "date"),
        ]);

    public static readonly Topic Earnings = new(
        "earnings", "an earnings report",
        ["earnings", "revenue", "revenues", "quarterly", "results", "profit", "profits", "guidance", "quarter"],
        [new("is_earnings_report", "true if a company reported financial results", "boolean")],
        [
            new("company", "The reporting company", "company"),
            new("revenue", "Revenue reported for the period", "number"),
            new("revenue_growth_percentage", "Year-over-year revenue growth, in percent", "number"),
            new("fiscal_period", "Period the results cover", "text"),
            new("report_date", "Date the results were published", "date"),
        ]);

    public static readonly Topic[] All =
    [
        Funding, Acquisition, Layoffs, ProductLaunch, Partnership, RegulatoryFine,
        ExecutiveChange, Ipo, DataBreach, Expansion, Lawsuit, Earnings,
    ];

    /// <summary>Validators and enrichments for watchlist-style collection of all news about companies.</summary>
    public static readonly FieldSuggestion[] WatchlistValidators =
    [
        new("is_about_tracked_company", "true if the page reports an event involving one of the tracked companies", "boolean"),
    ];

    public static readonly FieldSuggestion[] WatchlistEnrichments =
    [
        new("company", "The tracked company the event concerns", "company"),
        new("event_type", "Kind of event reported", "text"),
        new("event_summary", "One-sentence summary of the event", "text"),
        new("event_date", "Date of the event", "date"),
    ];

    public static Topic? Find(string key)
    {
        foreach (var topic in All)
        {
            if (string.Equals(topic.Key, key, StringComparison.Ordinal))
            {
                return topic;
            }
        }

        return null;
    }

    public static IReadOnlyList<Topic> Match(HashSet<string> tokens)
    {
        var found = new List<Topic>();
        foreach (var topic in All)
        {
            foreach (var keyword in topic.Keywords)
            {
                if (tokens.Contains(keyword))
                {
                    found.Add(topic);
                    break;
                }
            }
        }

        return found;
    }
}
