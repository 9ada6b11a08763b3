using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CatchAll.Emulator.Http;

/// <summary>Validated access to query-string parameters, recording FastAPI-style errors.</summary>
internal sealed class QueryArgs(IQueryCollection query, ValidationErrors errors)
{
    public static readonly string[] Ownership = ["all", "own", "shared"];
    public static readonly string[] SortOrders = ["asc", "desc"];

    public string? String(string name)
    {
        var value = query[name];
        return value.Count == 0 ? null : value[0];
    }

    public int Int(string name, int fallback, int? min = null, int? max = null)
    {
        var text = String(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add("int_parsing", "Input should be a valid integer, unable to parse string as an integer", "query", name);
            return fallback;
        }

        if (min is int lo && value < lo)
        {
            errors.Add("greater_than_equal", $"Input should be greater than or equal to {lo}", "query", name);
            return fallback;
        }

        if (max is int hi && value > hi)
        {
            errors.Add("less_than_equal", $"Input should be less than or equal to {hi}", "query", name);
            return fallback;
        }

        return value;
    }

    public int Page() => Int("page", 1, 1);

    public int PageSize(int fallback = 100, int max = 1000) => Int("page_size", fallback, 1, max);

    public string? Enum(string name, string[] allowed, string? fallback = null, bool required = false)
    {
        var text = String(name);
        if (text is null)
        {
            if (required)
            {
                errors.Add("missing", "Field required", "query", name);
            }

            return fallback;
        }

        if (Array.IndexOf(allowed, text) >= 0)
        {
            return text;
        }

        errors.Add("enum", "Input should be " + Fields.DescribeChoices(allowed), "query", name);
        return fallback;
    }

    public bool? Bool(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                return true;
            case "false" or "0" or "no" or "off":
                return false;
            default:
                errors.Add("bool_parsing", "Input should be a valid boolean, unable to interpret input", "query", name);
                return null;
        }
    }

    public Guid? Uuid(string name, bool required = false)
    {
        var text = String(name);
        if (text is null)
        {
            if (required)
            {
                errors.Add("missing", "Field required", "query", name);
            }

            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        errors.Add("uuid_parsing", "Input should be a valid UUID", "query", name);
        return null;
    }
}
