using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CatchAll;

/// <summary>
/// Typed reads from free-form JSON objects: a record's <c>enrichment</c> fields, which the API
/// names per job, and the other objects the contract leaves open.
/// </summary>
public static class FreeFormExtensions
{
    /// <summary>The field as a string: JSON strings as they are, numbers and booleans as their JSON text; null when absent or null.</summary>
    /// <param name="fields">The free-form object.</param>
    /// <param name="name">The field name.</param>
    public static string? GetString(this IDictionary<string, JsonElement> fields, string name)
    {
        if (!TryGetValue(fields, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>The field as a number; strings holding a number count too (extractors send both). Null when absent or not a number.</summary>
    /// <param name="fields">The free-form object.</param>
    /// <param name="name">The field name.</param>
    public static double? GetNumber(this IDictionary<string, JsonElement> fields, string name)
    {
        if (!TryGetValue(fields, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    /// <summary>The field as a boolean (true/false, or the strings "true"/"false"); null otherwise.</summary>
    /// <param name="fields">The free-form object.</param>
    /// <param name="name">The field name.</param>
    public static bool? GetBoolean(this IDictionary<string, JsonElement> fields, string name)
    {
        if (!TryGetValue(fields, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>The field as a date (ISO 8601; a date without an offset is taken as UTC); null when absent or not a date.</summary>
    /// <param name="fields">The free-form object.</param>
    /// <param name="name">The field name.</param>
    public static DateTimeOffset? GetDateTimeOffset(this IDictionary<string, JsonElement> fields, string name)
    {
        if (!TryGetValue(fields, name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
    }

    /// <summary>Reads the field as a generated model (a company enrichment, say) through its metadata; null when absent or null.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="fields">The free-form object.</param>
    /// <param name="name">The field name.</param>
    /// <param name="typeInfo">Metadata for <typeparamref name="T"/>, e.g. from the generated CatchAllClientJson.</param>
    /// <exception cref="JsonException">The field does not have the shape of <typeparamref name="T"/>.</exception>
    public static T? Get<T>(this IDictionary<string, JsonElement> fields, string name, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return TryGetValue(fields, name, out var value) ? value.Deserialize(typeInfo) : default;
    }

    private static bool TryGetValue(IDictionary<string, JsonElement> fields, string name, out JsonElement value)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        if (fields.TryGetValue(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return true;
        }

        value = default;
        return false;
    }
}
