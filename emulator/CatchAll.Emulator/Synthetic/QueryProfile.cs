using System;
using System.Collections.Generic;
using System.Text;

namespace CatchAll.Emulator.Synthetic;

/// <summary>What a plain-language query asks for, as far as keyword matching can tell.</summary>
internal sealed class QueryProfile
{
    private static readonly (string Sector, string[] Words)[] SectorWords =
    [
        ("SaaS", ["saas", "software"]),
        ("fintech", ["fintech", "payments", "banking", "neobank"]),
        ("healthcare", ["health", "healthcare", "medical", "hospital", "healthtech"]),
        ("biotech", ["biotech", "pharma", "pharmaceutical", "drug", "biotechnology"]),
        ("AI", ["ai", "artificial", "genai", "llm", "ml"]),
        ("cybersecurity", ["cybersecurity", "security", "cyber"]),
        ("climate tech", ["climate", "cleantech", "renewable", "solar", "energy", "green"]),
        ("e-commerce", ["ecommerce", "e-commerce", "retail", "marketplace"]),
        ("logistics", ["logistics", "shipping", "freight", "delivery"]),
        ("automotive", ["automotive", "ev", "evs", "car", "cars", "vehicle", "vehicles"]),
        ("gaming", ["gaming", "games", "game"]),
        ("edtech", ["edtech", "education"]),
        ("real estate", ["proptech", "property", "estate"]),
        ("semiconductors", ["semiconductor", "semiconductors", "chip", "chips"]),
        ("telecom", ["telecom", "telecoms", "5g"]),
        ("robotics", ["robotics", "robot", "robots"]),
        ("food and beverage", ["food", "beverage", "restaurant", "restaurants"]),
    ];

    private static readonly (string Country, string[] Words)[] CountryWords =
    [
        ("United States", ["us", "u.s", "usa", "american", "america"]),
        ("United Kingdom", ["uk", "britain", "british", "england"]),
        ("Germany", ["germany", "german"]),
        ("France", ["france", "french"]),
        ("India", ["india", "indian"]),
        ("Japan", ["japan", "japanese"]),
        ("Canada", ["canada", "canadian"]),
        ("Brazil", ["brazil", "brazilian"]),
        ("Singapore", ["singapore"]),
        ("Australia", ["australia", "australian"]),
        ("Israel", ["israel", "israeli"]),
        ("Netherlands", ["netherlands", "dutch"]),
        ("Spain", ["spain", "spanish"]),
        ("Sweden", ["sweden", "swedish"]),
        ("Nigeria", ["nigeria", "nigerian"]),
        ("Kenya", ["kenya", "kenyan"]),
    ];

    private QueryProfile(string query, HashSet<string> tokens, IReadOnlyList<Topic> topics, string? sector, string? country, string? round)
    {
        Query = query;
        Tokens = tokens;
        Topics = topics;
        Sector = sector;
        Country = country;
        Round = round;
        Key = Hashing.Of(query.Trim().ToLowerInvariant());
    }

    public string Query { get; }

    public HashSet<string> Tokens { get; }

    /// <summary>Topics the query names; empty for a query that names no event type.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public string? Sector { get; }

    public string? Country { get; }

    public string? Round { get; }

    public ulong Key { get; }

    public static QueryProfile Analyze(string query, string? context = null)
    {
        var tokens = Tokenize(query + " " + (context ?? string.Empty));
        var queryTokens = Tokenize(query);
        var topics = Topic.Match(queryTokens);
        if (topics.Count == 0)
        {
            topics = Topic.Match(tokens);
        }

        string? sector = null;
        foreach (var (name, words) in SectorWords)
        {
            if (ContainsAny(queryTokens, words))
            {
                sector = name;
                break;
            }
        }

        if (sector is null && queryTokens.Contains("intelligence") && queryTokens.Contains("artificial"))
        {
            sector = "AI";
        }

        string? country = null;
        foreach (var (name, words) in CountryWords)
        {
            if (ContainsAny(queryTokens, words) || query.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                country = name;
                break;
            }
        }

        string? round = null;
        var lower = query.ToLowerInvariant();
        foreach (var letter in "abcdef")
        {
            if (lower.Contains("series " + letter, StringComparison.Ordinal))
            {
                round = "Series " + char.ToUpperInvariant(letter);
                break;
            }
        }

        if (round is null && lower.Contains("pre-seed", StringComparison.Ordinal))
        {
            round = "Pre-seed";
        }
        else if (round is null && queryTokens.Contains("seed"))
        {
            round = "Seed";
        }

        return new QueryProfile(query, tokens, topics, sector, country, round);
    }

    public static HashSet<string> Tokenize(string text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c) || c is '&' or '.' or '-')
            {
                current.Append(c);
            }
            else
            {
                Flush(current, tokens);
            }
        }

        Flush(current, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder current, HashSet<string> tokens)
    {
        if (current.Length == 0)
        {
            return;
        }

        var token = current.ToString().Trim('.', '-');
        if (token.Length > 0)
        {
            tokens.Add(token);
            if (token.Contains('-', StringComparison.Ordinal))
            {
                foreach (var part in token.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    tokens.Add(part);
                }
            }
        }

        current.Clear();
    }

    private static bool ContainsAny(HashSet<string> tokens, string[] words)
    {
        foreach (var word in words)
        {
            if (tokens.Contains(word))
            {
                return true;
            }
        }

        return false;
    }
}
