using System;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;

namespace CatchAll.AspNetCore;

/// <summary>
/// Settings of the webhook receiver. Bound from the <c>CatchAll:Webhooks</c> configuration section (keys named
/// like the properties, durations as <c>hh:mm:ss</c>, credentials under <c>Auth</c>), then from code.
/// </summary>
public sealed class CatchAllWebhookOptions
{
    /// <summary>The configuration section read by <c>AddCatchAllWebhooks</c>.</summary>
    public const string SectionName = "CatchAll:Webhooks";

    /// <summary>What a delivery must carry. Required: set <see cref="WebhookCredentials.None"/> to accept anonymous calls.</summary>
    public WebhookCredentials? Credentials { get; set; }

    /// <summary>Largest body accepted, in bytes; a larger one gets 413. Default 10 MB.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Events waiting for the handler at most; when full, deliveries get 503 so the sender retries later. Default 1000.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Handlers running at once. Default 1 (events are handled in arrival order).</summary>
    public int MaxConcurrentHandlers { get; set; } = 1;

    /// <summary>Calls of the handler per event, first included, before the event is logged as failed. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt, doubled for each further one. Default 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an accepted event's <see cref="CatchAllWebhookEvent.Id"/> is remembered to drop redeliveries. Default 24 hours.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Ids remembered at most (the oldest are forgotten first), which bounds the memory the window takes. Default 10,000.</summary>
    public int DedupeCapacity { get; set; } = 10_000;

    /// <summary>
    /// On shutdown, how long queued events may still be handled before the rest are logged as not handled. Default 25 seconds.
    /// Those events were already acknowledged with 200 and are lost (at-most-once delivery; see the package README).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// JSON metadata for <see cref="CatchAllWebhookEvent.Deserialize{T}()"/> and <see cref="CatchAllWebhookEvent.GetRecords{T}()"/>:
    /// the generated <c>CatchAllClientJson.Resolver</c>, combined with others if needed. No reflection is used.
    /// </summary>
    public IJsonTypeInfoResolver? TypeInfoResolver { get; set; }

    /// <summary>Clock for retry delays, the dedupe window and timestamps; the system clock when unset.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Applies the keys of <paramref name="section"/> present there; absent keys keep their value.</summary>
    public void Bind(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (WebhookCredentials.FromConfiguration(section.GetSection("Auth")) is { } credentials)
        {
            Credentials = credentials;
        }

        MaxBodyBytes = Read(section, nameof(MaxBodyBytes), MaxBodyBytes, long.Parse);
        QueueCapacity = Read(section, nameof(QueueCapacity), QueueCapacity, int.Parse);
        MaxConcurrentHandlers = Read(section, nameof(MaxConcurrentHandlers), MaxConcurrentHandlers, int.Parse);
        MaxAttempts = Read(section, nameof(MaxAttempts), MaxAttempts, int.Parse);
        RetryDelay = Read(section, nameof(RetryDelay), RetryDelay, TimeSpan.Parse);
        DedupeWindow = Read(section, nameof(DedupeWindow), DedupeWindow, TimeSpan.Parse);
        DedupeCapacity = Read(section, nameof(DedupeCapacity), DedupeCapacity, int.Parse);
        ShutdownTimeout = Read(section, nameof(ShutdownTimeout), ShutdownTimeout, TimeSpan.Parse);
    }

    internal void Validate()
    {
        if (Credentials is null)
        {
            throw new InvalidOperationException(
                "CatchAll webhooks need credentials: set CatchAllWebhookOptions.Credentials (WebhookCredentials.Basic, Bearer or ApiKey) or the CatchAll:Webhooks:Auth configuration keys. Use WebhookCredentials.None to accept anonymous deliveries on purpose.");
        }

        Positive(MaxBodyBytes, nameof(MaxBodyBytes));
        Positive(QueueCapacity, nameof(QueueCapacity));
        Positive(MaxConcurrentHandlers, nameof(MaxConcurrentHandlers));
        Positive(MaxAttempts, nameof(MaxAttempts));
        Positive(DedupeCapacity, nameof(DedupeCapacity));
        if (RetryDelay < TimeSpan.Zero || DedupeWindow < TimeSpan.Zero || ShutdownTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException("CatchAll webhook durations (RetryDelay, DedupeWindow, ShutdownTimeout) cannot be negative.");
        }
    }

    private static void Positive(long value, string name)
    {
        if (value <= 0)
        {
            throw new InvalidOperationException($"CatchAllWebhookOptions.{name} must be positive, not {value}.");
        }
    }

    private static T Read<T>(IConfiguration section, string key, T current, Func<string, IFormatProvider, T> parse)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return current;
        }

        try
        {
            return parse(text.Trim(), CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{SectionName}:{key} is not valid: '{text}'.", ex);
        }
    }
}
