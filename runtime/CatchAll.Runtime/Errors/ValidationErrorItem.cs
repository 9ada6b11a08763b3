using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CatchAll;

/// <summary>One entry of a 422 response's <c>detail</c> list: where the request was invalid, and why.</summary>
public sealed class ValidationErrorItem
{
    /// <summary>Creates an entry.</summary>
    /// <param name="location">The location segments: <see cref="string"/> names and <see cref="long"/> indexes.</param>
    /// <param name="message">The service's explanation.</param>
    /// <param name="type">The service's error type code, e.g. <c>less_than_equal</c>.</param>
    public ValidationErrorItem(IReadOnlyList<object> location, string message, string? type = null)
    {
        Location = location ?? throw new ArgumentNullException(nameof(location));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Type = type;
        LocationPath = JoinPath(location);
    }

    /// <summary>The location segments, e.g. <c>["body", "limit"]</c> or <c>["query", "page", 0]</c>; items are <see cref="string"/> or <see cref="long"/>.</summary>
    public IReadOnlyList<object> Location { get; }

    /// <summary>The location as one path: names joined with <c>.</c>, indexes as <c>[n]</c>, e.g. <c>query.page[0]</c>.</summary>
    public string LocationPath { get; }

    /// <summary>The service's explanation.</summary>
    public string Message { get; }

    /// <summary>The service's error type code, when given.</summary>
    public string? Type { get; }

    /// <inheritdoc />
    public override string ToString() => LocationPath.Length == 0 ? Message : LocationPath + ": " + Message;

    private static string JoinPath(IReadOnlyList<object> location)
    {
        var path = new StringBuilder();
        foreach (var segment in location)
        {
            if (segment is long or int)
            {
                path.Append('[').Append(Convert.ToString(segment, CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (path.Length > 0)
                {
                    path.Append('.');
                }

                path.Append(Convert.ToString(segment, CultureInfo.InvariantCulture));
            }
        }

        return path.ToString();
    }
}
