using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CatchAll.Client.Tests.Support;

/// <summary>
/// Semantic JSON equality: same members and values, member order ignored, numbers compared by value and
/// date-time strings compared as instants (a converter may write "+00:00" where the wire had "Z").
/// </summary>
internal static partial class JsonSemantic
{
    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });

    /// <summary>Normalises a node (for example one built by the YAML reader) to a plain parsed JSON node.</summary>
    public static JsonNode? Normalize(JsonNode? node) => node is null ? null : Parse(node.ToJsonString());

    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var diffs = new List<string>();
        Compare(Normalize(expected), Normalize(actual), "$", diffs);
        return diffs;
    }

    public static IReadOnlyList<string> Differences(string expectedJson, string actualJson) =>
        Differences(Parse(expectedJson), Parse(actualJson));

    public static void AssertEquivalent(string expectedJson, string actualJson)
    {
        var diffs = Differences(expectedJson, actualJson);
        if (diffs.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                "JSON differs:\n  " + string.Join("\n  ", diffs) + "\nexpected: " + expectedJson + "\nactual:   " + actualJson);
        }
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> diffs)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                diffs.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
            }

            return;
        }

        switch (expected)
        {
            case JsonObject eo when actual is JsonObject ao:
                foreach (var missing in eo.Select(p => p.Key).Except(ao.Select(p => p.Key), StringComparer.Ordinal))
                {
                    diffs.Add($"{path}.{missing}: missing (expected {Show(eo[missing])})");
                }

                foreach (var extra in ao.Select(p => p.Key).Except(eo.Select(p => p.Key), StringComparer.Ordinal))
                {
                    diffs.Add($"{path}.{extra}: unexpected member {Show(ao[extra])}");
                }

                foreach (var pair in eo)
                {
                    if (ao.ContainsKey(pair.Key))
                    {
                        Compare(pair.Value, ao[pair.Key], path + "." + pair.Key, diffs);
                    }
                }

                return;
            case JsonArray ea when actual is JsonArray aa:
                if (ea.Count != aa.Count)
                {
                    diffs.Add($"{path}: expected {ea.Count} items, got {aa.Count}");
                    return;
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    Compare(ea[i], aa[i], $"{path}[{i}]", diffs);
                }

                return;
            case JsonValue ev when actual is JsonValue av:
                if (!ValuesEqual(ev, av))
                {
                    diffs.Add($"{path}: expected {Show(ev)}, got {Show(av)}");
                }

                return;
            default:
                diffs.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                return;
        }
    }

    private static bool ValuesEqual(JsonValue expected, JsonValue actual)
    {
        var ek = expected.GetValueKind();
        var ak = actual.GetValueKind();
        if (ek != ak)
        {
            return false;
        }

        switch (ek)
        {
            case JsonValueKind.Number:
                return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonValueKind.String:
                var e = expected.GetValue<string>();
                var a = actual.GetValue<string>();
                if (string.Equals(e, a, StringComparison.Ordinal))
                {
                    return true;
                }

                return TryInstant(e, out var ei) && TryInstant(a, out var ai) && ei == ai;
            default:
                return expected.ToJsonString() == actual.ToJsonString();
        }
    }

    /// <summary>Only full date-time strings count as instants; "2026-02-17" or "1.3.1" stay plain text.</summary>
    public static bool TryInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        return DateTimeShape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimeShape();

    private static string Show(JsonNode? node) => node is null ? "null/absent" : node.ToJsonString();
}
