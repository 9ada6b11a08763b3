using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CatchAll.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.1 schema, for the keywords openapi/catchall.yaml uses: type (with
/// null in a type array), required, properties, additionalProperties, items, enum, const, oneOf/anyOf/allOf,
/// minimum/maximum, minItems/maxItems, minLength/maxLength, and the uuid and date-time formats ($ref is
/// resolved by the OpenAPI object model). Each violation names its JSON path, e.g. <c>$.all_records[2].citations</c>.
/// </summary>
internal static class SchemaChecker
{
    private const int MaxDepth = 64;

    public static List<string> Check(IOpenApiSchema schema, JsonElement value)
    {
        var violations = new List<string>();
        Check(schema, value, "$", violations, 0);
        return violations;
    }

    private static void Check(IOpenApiSchema schema, JsonElement value, string path, List<string> violations, int depth)
    {
        if (depth > MaxDepth)
        {
            violations.Add($"{path}: nested deeper than {MaxDepth} levels");
            return;
        }

        if (schema.Type is JsonSchemaType type && !Matches(type, value))
        {
            violations.Add($"{path}: expected {type}, got {Describe(value)}");
            return;
        }

        if (schema.Enum is { Count: > 0 } options && !options.Any(option => SameValue(option, value)))
        {
            violations.Add($"{path}: {Describe(value)} is not one of [{string.Join(", ", options.Select(o => o?.ToJsonString() ?? "null"))}]");
        }

        if (schema.Const is string constant && !(value.ValueKind == JsonValueKind.String && value.GetString() == constant))
        {
            violations.Add($"{path}: expected the constant \"{constant}\", got {Describe(value)}");
        }

        CheckComposition(schema, value, path, violations, depth);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value, path, violations, depth);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, violations, depth);
                break;
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, violations);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value, path, violations);
                break;
        }
    }

    private static void CheckComposition(IOpenApiSchema schema, JsonElement value, string path, List<string> violations, int depth)
    {
        if (schema.AllOf is { Count: > 0 } all)
        {
            foreach (var part in all)
            {
                Check(part, value, path, violations, depth + 1);
            }
        }

        if (schema.OneOf is { Count: > 0 } one)
        {
            var matching = one.Count(candidate => Check(candidate, value).Count == 0);
            if (matching != 1)
            {
                violations.Add($"{path}: matches {matching} of the {one.Count} oneOf alternatives, not exactly one ({Describe(value)}){Closest(one, value)}");
            }
        }

        if (schema.AnyOf is { Count: > 0 } any && !any.Any(candidate => Check(candidate, value).Count == 0))
        {
            violations.Add($"{path}: matches none of the {any.Count} anyOf alternatives ({Describe(value)}){Closest(any, value)}");
        }
    }

    /// <summary>Why the nearest alternative failed, which is usually the real mistake.</summary>
    private static string Closest(IList<IOpenApiSchema> alternatives, JsonElement value)
    {
        var best = alternatives.Select(candidate => Check(candidate, value)).Where(v => v.Count > 0).OrderBy(v => v.Count).FirstOrDefault();
        return best is null ? string.Empty : "; nearest: " + string.Join("; ", best.Take(3));
    }

    private static void CheckObject(IOpenApiSchema schema, JsonElement value, string path, List<string> violations, int depth)
    {
        if (schema.Required is { Count: > 0 } required)
        {
            foreach (var name in required.OrderBy(n => n, StringComparer.Ordinal))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    violations.Add($"{path}: required property '{name}' is missing");
                }
            }
        }

        var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var property in value.EnumerateObject())
        {
            var childPath = path + "." + property.Name;
            if (properties.TryGetValue(property.Name, out var declared))
            {
                Check(declared, property.Value, childPath, violations, depth + 1);
            }
            else if (schema.AdditionalProperties is { } extra)
            {
                Check(extra, property.Value, childPath, violations, depth + 1);
            }
            else if (!schema.AdditionalPropertiesAllowed)
            {
                violations.Add($"{childPath}: property not allowed (additionalProperties: false)");
            }
        }
    }

    private static void CheckArray(IOpenApiSchema schema, JsonElement value, string path, List<string> violations, int depth)
    {
        var count = value.GetArrayLength();
        if (schema.MinItems is int min && count < min)
        {
            violations.Add($"{path}: {count} items, fewer than minItems {min}");
        }

        if (schema.MaxItems is int max && count > max)
        {
            violations.Add($"{path}: {count} items, more than maxItems {max}");
        }

        if (schema.Items is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", violations, depth + 1);
            }
        }
    }

    private static void CheckString(IOpenApiSchema schema, string text, string path, List<string> violations)
    {
        if (schema.MinLength is int min && text.Length < min)
        {
            violations.Add($"{path}: \"{text}\" is shorter than minLength {min}");
        }

        if (schema.MaxLength is int max && text.Length > max)
        {
            violations.Add($"{path}: a string of {text.Length} characters is longer than maxLength {max}");
        }

        switch (schema.Format)
        {
            case "uuid" when !Guid.TryParseExact(text, "D", out _):
                violations.Add($"{path}: \"{text}\" is not a uuid");
                break;
            case "date-time" when !IsServiceDateTime(text):
                violations.Add($"{path}: \"{text}\" is not an ISO 8601 date-time");
                break;
        }
    }

    /// <summary>
    /// ISO 8601 as the service sends it: with Z, with an offset, or naive (read as UTC), seconds with up to
    /// seven fractional digits. RFC 3339 proper requires an offset; the service does not always send one.
    /// </summary>
    public static bool IsServiceDateTime(string text) =>
        text.Length >= 19 && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static void CheckNumber(IOpenApiSchema schema, JsonElement value, string path, List<string> violations)
    {
        var number = value.GetDouble();
        if (schema.Minimum is string min && double.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out var low) && number < low)
        {
            violations.Add($"{path}: {value.GetRawText()} is below minimum {min}");
        }

        if (schema.Maximum is string max && double.TryParse(max, NumberStyles.Float, CultureInfo.InvariantCulture, out var high) && number > high)
        {
            violations.Add($"{path}: {value.GetRawText()} is above maximum {max}");
        }
    }

    private static bool Matches(JsonSchemaType type, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => type.HasFlag(JsonSchemaType.Null),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
        JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
        JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
        JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
        JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && IsInteger(value)),
        _ => false,
    };

    private static bool IsInteger(JsonElement value) => value.TryGetInt64(out _) || (value.TryGetDouble(out var d) && Math.Floor(d) == d);

    private static bool SameValue(JsonNode? option, JsonElement value) =>
        option is null ? value.ValueKind == JsonValueKind.Null : JsonNode.DeepEquals(option, JsonNode.Parse(value.GetRawText()));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string \"" + Truncate(value.GetString()!) + "\"",
        JsonValueKind.Number => "number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "boolean " + value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
