using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CatchAll.TestSupport;

/// <summary>One delivery the <see cref="WebhookReceiver"/> received.</summary>
/// <param name="RawUrl">Path and query as they arrived on the request line (still escaped).</param>
public sealed record ReceivedWebhook(string Method, string RawUrl, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => RawUrl.Split('?', 2)[0];

    /// <summary>The query after '?', still escaped; empty when there is none.</summary>
    public string Query => RawUrl.Contains('?', StringComparison.Ordinal) ? RawUrl.Split('?', 2)[1] : string.Empty;

    public string? Authorization => Header("Authorization");

    /// <summary>The value of <see cref="WebhookReceiver.MarkerHeader"/>.</summary>
    public string? Marker => Header(WebhookReceiver.MarkerHeader);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
