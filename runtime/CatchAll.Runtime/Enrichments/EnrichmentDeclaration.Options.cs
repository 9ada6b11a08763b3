using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CatchAll;

/// <summary>An option's values, read from the description the service suggested it with.</summary>
public static partial class EnrichmentDeclaration
{
    // The forms a description lists an option's values in: "one of: a, b or c", "choose from a | b", or weaker
    // words ("options", "values", "choices") only when a colon, "are"/"is" or a bracket follows them.
    private static readonly Regex StrongList = new Regex(
        @"\b(?:one\s+of|choose\s+from)\s*:?\s*[\(\[]?\s*(?<list>[^\.\)\]\}\n;]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex WeakList = new Regex(
        @"\b(?:(?:allowed|possible|valid)\s+values|options?|values|choices)\s*(?::|\bare\b|\bis\b|[\(\[])\s*[\(\[]?\s*(?<list>[^\.\)\]\}\n;]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The values an option's description lists ("… One of: seed, series_a or series_b."), or empty.</summary>
    internal static IReadOnlyList<string> ParseOptions(string description)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(description))
        {
            return result;
        }

        var match = StrongList.Match(description);
        if (!match.Success)
        {
            match = WeakList.Match(description);
        }

        if (!match.Success)
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in Regex.Split(match.Groups["list"].Value, @",|\||\bor\b|\band\b", RegexOptions.CultureInvariant))
        {
            var value = part.Trim().Trim('"', '\'', '`', '“', '”').Trim();
            if (value.Length > 0 && value.Length <= 64 && seen.Add(value))
            {
                result.Add(value);
            }
        }

        // One item is a sentence, not a list.
        return result.Count >= 2 ? result : new List<string>();
    }
}
