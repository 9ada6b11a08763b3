using System.Collections.Generic;

namespace CatchAll.TestSupport;

/// <summary>What the fault server received.</summary>
public sealed record FaultRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
