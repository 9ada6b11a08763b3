using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace CatchAll.Emulator.Synthetic;

/// <summary>
/// Reads the allowed values of an <c>option</c> enrichment from its description. The API has no field for
/// them, so callers (and our generator, for C# enums) state them in prose; the emulator answers with one of them.
/// </summary>
/// <remarks>
/// Accepted forms, case-insensitive: <c>one of</c> or <c>choose from</c>, or one of the nouns <c>options</c>,
/// <c>option</c>, <c>values</c>, <c>allowed values</c>, <c>possible values</c>, <c>valid values</c>, <c>choices</c>
/// followed by a colon, <c>are</c>/<c>is</c> or a bracket; then items separated by commas, <c>|</c>, <c>or</c> or <c>and</c>
/// (an item cannot contain those words); the list may sit in brackets or parentheses and items may be quoted with ', " or `.
/// The list ends at a closing bracket, a line break, a semicolon or a full stop followed by a space.
/// Examples: "one of: seed, series_a, series_b", "Options: a, b, c", "Stage (one of: seed | series_a)",
/// "allowed values are 'low', 'medium' or 'high'". A description with no marker has no list.
/// </remarks>
internal static partial class OptionList
{
    // "one of" and "choose from" introduce a list by themselves; the nouns need a colon, "are"/"is" or a bracket,
    // so "the funding option chosen" is not read as a list.
    [GeneratedRegex(@"\b(?:(?<verb>one\s+of|choose\s+from)|(?:allowed\s+|possible\s+|valid\s+)?(?:values|options?|choices))\b(?<link>\s+(?:are|is)\b)?\s*(?<colon>:)?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s*(?:,|\|)\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    /// <summary>The option values the description lists, in order and without duplicates; empty when it lists none.</summary>
    public static IReadOnlyList<string> Parse(string description)
    {
        foreach (Match marker in Marker().Matches(description))
        {
            var rest = description.AsSpan(marker.Index + marker.Length);
            var bracketed = rest.Length > 0 && rest[0] is '[' or '(' or '{';
            var introduced = marker.Groups["verb"].Success || marker.Groups["link"].Success || marker.Groups["colon"].Success || bracketed;
            if (!introduced)
            {
                continue;
            }

            // One item is a list only when a colon announced it ("Options: yes"); otherwise it is prose.
            var items = Items(rest);
            if (items.Count >= 2 || (items.Count == 1 && marker.Groups["colon"].Success))
            {
                return items;
            }
        }

        return [];
    }

    /// <summary>Lower-case letters and digits only, so "Series B", "series-b" and "series_b" compare equal.</summary>
    public static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static List<string> Items(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        var opener = rest.Length > 0 ? rest[0] : '\0';
        if (opener is '[' or '(' or '{')
        {
            rest = rest[1..];
        }

        var end = rest.Length;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c is ')' or ']' or '}' or '\n' or '\r' or ';' || (c == '.' && (i + 1 == rest.Length || char.IsWhiteSpace(rest[i + 1]))))
            {
                end = i;
                break;
            }
        }

        var list = new List<string>();
        foreach (var raw in Separator().Split(rest[..end].ToString()))
        {
            var item = raw.Trim().Trim('\'', '"', '`', '‘', '’', '“', '”').Trim();
            if (item.Length > 0 && !list.Contains(item))
            {
                list.Add(item);
            }
        }

        return list;
    }
}
