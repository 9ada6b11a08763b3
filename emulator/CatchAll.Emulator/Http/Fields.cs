using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CatchAll.Emulator.Http;

/// <summary>
/// Reads and validates fields of a JSON object the way pydantic would, recording every problem
/// (with its location) instead of stopping at the first.
/// </summary>
internal sealed class Fields
{
    private readonly JsonObject? _obj;
    private readonly ValidationErrors _errors;
    private readonly object[] _prefix;

    public Fields(JsonNode? node, ValidationErrors errors, params object[] prefix)
    {
        _errors = errors;
        _prefix = prefix;
        if (node is JsonObject obj)
        {
            _obj = obj;
        }
        else
        {
            Valid = false;
            errors.Add(node is null ? "missing" : "model_attributes_type", node is null ? "Field required" : "Input should be a valid dictionary or object to extract fields from", prefix);
        }
    }

    /// <summary>False when the node was not an object at all.</summary>
    public bool Valid { get; } = true;

    public JsonObject? Object => _obj;

    public ValidationErrors Errors => _errors;

    public bool Has(string name) => _obj is not null && _obj.TryGetPropertyValue(name, out var value) && value is not null;

    public object[] Loc(params object[] rest)
    {
        var loc = new object[_prefix.Length + rest.Length];
        _prefix.CopyTo(loc, 0);
        rest.CopyTo(loc, _prefix.Length);
        return loc;
    }

    private JsonNode? Get(string name, bool required)
    {
        if (_obj is null)
        {
            return null;
        }

        if (!_obj.TryGetPropertyValue(name, out var value))
        {
            if (required)
            {
                _errors.Add("missing", "Field required", Loc(name));
            }

            return null;
        }

        return value;
    }

    public string? String(string name, bool required = false, int minLength = 0)
    {
        var node = Get(name, required);
        if (node is null)
        {
            if (required && _obj is not null && _obj.ContainsKey(name))
            {
                _errors.Add("string_type", "Input should be a valid string", Loc(name));
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            _errors.Add("string_type", "Input should be a valid string", Loc(name));
            return null;
        }

        var text = node.GetValue<string>();
        if (text.Length < minLength)
        {
            _errors.Add("string_too_short", $"String should have at least {minLength} character{(minLength == 1 ? string.Empty : "s")}", Loc(name));
            return null;
        }

        return text;
    }

    public int? Int(string name, bool required = false, int? min = null, int? max = null)
    {
        var node = Get(name, required);
        if (node is null)
        {
            return null;
        }

        if (!TryInt(node, out var value))
        {
            _errors.Add("int_parsing", "Input should be a valid integer", Loc(name));
            return null;
        }

        if (min is int lo && value < lo)
        {
            _errors.Add("greater_than_equal", $"Input should be greater than or equal to {lo}", Loc(name));
            return null;
        }

        if (max is int hi && value > hi)
        {
            _errors.Add("less_than_equal", $"Input should be less than or equal to {hi}", Loc(name));
            return null;
        }

        return value;
    }

    public bool? Bool(string name)
    {
        var node = Get(name, false);
        if (node is null)
        {
            return null;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                var text = node.GetValue<string>().Trim().ToLowerInvariant();
                if (text is "true" or "1" or "yes" or "on")
                {
                    return true;
                }

                if (text is "false" or "0" or "no" or "off")
                {
                    return false;
                }

                break;
        }

        _errors.Add("bool_parsing", "Input should be a valid boolean", Loc(name));
        return null;
    }

    public Guid? Uuid(string name, bool required = false)
    {
        var node = Get(name, required);
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String && Guid.TryParse(node.GetValue<string>(), out var id))
        {
            return id;
        }

        _errors.Add("uuid_parsing", "Input should be a valid UUID", Loc(name));
        return null;
    }

    public string? Enum(string name, string[] allowed, bool required = false)
    {
        var node = Get(name, required);
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            var text = node.GetValue<string>();
            if (Array.IndexOf(allowed, text) >= 0)
            {
                return text;
            }
        }

        _errors.Add("enum", "Input should be " + DescribeChoices(allowed), Loc(name));
        return null;
    }

    public DateTimeOffset? DateTime(string name)
    {
        var node = Get(name, false);
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String && Iso.TryParse(node.GetValue<string>(), out var value))
        {
            return value;
        }

        _errors.Add("datetime_from_date_parsing", "Input should be a valid datetime or date", Loc(name));
        return null;
    }

    public List<Guid>? UuidList(string name, int minItems = 0, int? maxItems = null)
    {
        var array = List(name, minItems, maxItems);
        if (array is null)
        {
            return null;
        }

        var result = new List<Guid>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            if (item is not null && item.GetValueKind() == JsonValueKind.String && Guid.TryParse(item.GetValue<string>(), out var id))
            {
                result.Add(id);
            }
            else
            {
                _errors.Add("uuid_parsing", "Input should be a valid UUID", Loc(name, i));
            }
        }

        return result;
    }

    public List<string>? StringList(string name)
    {
        var node = Get(name, false);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            _errors.Add("list_type", "Input should be a valid list", Loc(name));
            return null;
        }

        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonNode item && item.GetValueKind() == JsonValueKind.String)
            {
                result.Add(item.GetValue<string>());
            }
            else
            {
                _errors.Add("string_type", "Input should be a valid string", Loc(name, i));
            }
        }

        return result;
    }

    public JsonArray? List(string name, int minItems = 0, int? maxItems = null, bool required = false)
    {
        var node = Get(name, required);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            _errors.Add("list_type", "Input should be a valid list", Loc(name));
            return null;
        }

        if (array.Count < minItems)
        {
            _errors.Add("too_short", $"List should have at least {minItems} item{(minItems == 1 ? string.Empty : "s")} after validation, not {array.Count}", Loc(name));
            return null;
        }

        if (maxItems is int max && array.Count > max)
        {
            _errors.Add("too_long", $"List should have at most {max} items after validation, not {array.Count}", Loc(name));
            return null;
        }

        return array;
    }

    public Dictionary<string, string>? StringMap(string name)
    {
        var node = Get(name, false);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject obj)
        {
            _errors.Add("dict_type", "Input should be a valid dictionary", Loc(name));
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in obj)
        {
            if (pair.Value is JsonNode value && value.GetValueKind() == JsonValueKind.String)
            {
                map[pair.Key] = value.GetValue<string>();
            }
            else
            {
                _errors.Add("string_type", "Input should be a valid string", Loc(name, pair.Key));
            }
        }

        return map;
    }

    /// <summary>An object-or-null field; returns (present, value).</summary>
    public (bool Present, JsonObject? Value) NullableObject(string name)
    {
        if (_obj is null || !_obj.TryGetPropertyValue(name, out var node))
        {
            return (false, null);
        }

        if (node is null)
        {
            return (true, null);
        }

        if (node is JsonObject obj)
        {
            return (true, (JsonObject)obj.DeepClone());
        }

        _errors.Add("dict_type", "Input should be a valid dictionary", Loc(name));
        return (false, null);
    }

    public Fields? Nested(string name, bool required = false)
    {
        var node = Get(name, required);
        if (node is null)
        {
            return null;
        }

        var nested = new Fields(node, _errors, Loc(name));
        return nested.Valid ? nested : null;
    }

    public static string DescribeChoices(string[] allowed)
    {
        if (allowed.Length == 1)
        {
            return $"'{allowed[0]}'";
        }

        var head = new List<string>();
        for (var i = 0; i < allowed.Length - 1; i++)
        {
            head.Add($"'{allowed[i]}'");
        }

        return string.Join(", ", head) + $" or '{allowed[^1]}'";
    }

    private static bool TryInt(JsonNode node, out int value)
    {
        value = 0;
        switch (node.GetValueKind())
        {
            case JsonValueKind.Number:
                var number = node.AsValue();
                if (number.TryGetValue(out value))
                {
                    return true;
                }

                if (number.TryGetValue(out double d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
                {
                    value = (int)d;
                    return true;
                }

                return false;
            case JsonValueKind.String:
                return int.TryParse(node.GetValue<string>().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }
}
