using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CatchAll.Runtime;

/// <summary>
/// Reads the service's error bodies by hand with <see cref="JsonDocument"/>: the shapes vary by endpoint
/// (<c>{detail: "..."}</c>, <c>{detail: [...]}</c>, <c>{message, status, status_code}</c>) and a
/// malformed error body must never hide the status that caused it.
/// </summary>
internal sealed class ErrorBody
{
    private static readonly IReadOnlyList<ValidationErrorItem> NoErrors = Array.Empty<ValidationErrorItem>();

    private ErrorBody(bool isJson, string? detail, IReadOnlyList<ValidationErrorItem> errors)
    {
        IsJson = isJson;
        Detail = detail;
        Errors = errors;
    }

    public bool IsJson { get; }

    public string? Detail { get; }

    public IReadOnlyList<ValidationErrorItem> Errors { get; }

    public ErrorBody WithDetail(string detail) => new ErrorBody(IsJson, detail, Errors);

    public static ErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ErrorBody(false, null, NoErrors);
        }

        try
        {
            using var document = JsonDocument.Parse(body!);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ErrorBody(true, null, NoErrors);
            }

            string? detail = null;
            var errors = NoErrors;
            if (root.TryGetProperty("detail", out var detailElement))
            {
                if (detailElement.ValueKind == JsonValueKind.String)
                {
                    detail = detailElement.GetString();
                }
                else if (detailElement.ValueKind == JsonValueKind.Array)
                {
                    errors = ReadErrors(detailElement);
                }
            }

            if (detail is null && root.TryGetProperty("message", out var messageElement) && messageElement.ValueKind == JsonValueKind.String)
            {
                detail = messageElement.GetString();
            }

            return new ErrorBody(true, detail, errors);
        }
        catch (JsonException)
        {
            return new ErrorBody(false, null, NoErrors);
        }
    }

    private static IReadOnlyList<ValidationErrorItem> ReadErrors(JsonElement array)
    {
        var errors = new List<ValidationErrorItem>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var location = new List<object>();
            if (item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
            {
                foreach (var segment in loc.EnumerateArray())
                {
                    location.Add(ReadSegment(segment));
                }
            }

            var message = item.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String
                ? msg.GetString() ?? string.Empty
                : string.Empty;
            var type = item.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
                ? typeElement.GetString()
                : null;
            errors.Add(new ValidationErrorItem(location, message, type));
        }

        return errors;
    }

    private static object ReadSegment(JsonElement segment)
    {
        switch (segment.ValueKind)
        {
            case JsonValueKind.String:
                return segment.GetString() ?? string.Empty;
            case JsonValueKind.Number when segment.TryGetInt64(out var index):
                return index;
            default:
                return segment.GetRawText();
        }
    }
}
