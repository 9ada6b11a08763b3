using System;

namespace CatchAll.Runtime;

/// <summary>
/// The request headers whose values are secrets: shown as <see cref="SecretRedactor.Redacted"/> in the request log,
/// and scrubbed from whatever a server sends back.
/// </summary>
internal static class SecretHeaders
{
    /// <summary>The header the API key travels in.</summary>
    public const string ApiKey = "x-api-key";

    public static bool Is(string name) =>
        string.Equals(name, ApiKey, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase);
}
