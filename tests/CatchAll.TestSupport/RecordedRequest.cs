using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CatchAll.TestSupport;

/// <summary>What the loopback server received.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }

    /// <summary>Path and query exactly as they arrived on the request line (still escaped).</summary>
    public required string RawUrl { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    public string Path => RawUrl.Split('?', 2)[0];

    public string? RawQuery => RawUrl.Contains('?', StringComparison.Ordinal) ? RawUrl.Split('?', 2)[1] : null;

    /// <summary>Query pairs exactly as sent (still percent-encoded), in order.</summary>
    public IReadOnlyList<(string Name, string Value)> RawQueryPairs =>
        string.IsNullOrEmpty(RawQuery)
            ? Array.Empty<(string, string)>()
            : RawQuery.Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : string.Empty)).ToList();

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
