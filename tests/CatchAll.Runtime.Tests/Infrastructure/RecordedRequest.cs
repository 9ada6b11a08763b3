using System;
using System.Collections.Generic;
using System.Text;

namespace CatchAll.Runtime.Tests.Infrastructure;

/// <summary>What the loopback server actually received.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }

    /// <summary>Path and query exactly as they arrived on the request line (still escaped).</summary>
    public required string RawUrl { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}
