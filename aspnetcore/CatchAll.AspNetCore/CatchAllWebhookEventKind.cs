using System;

namespace CatchAll.AspNetCore;

/// <summary>
/// What a delivery is about. An open set, like the generated open enums: a payload this version does not
/// recognise arrives as <see cref="Unknown"/> with its raw JSON instead of being refused.
/// </summary>
public readonly struct CatchAllWebhookEventKind : IEquatable<CatchAllWebhookEventKind>
{
    private readonly string? _value;

    private CatchAllWebhookEventKind(string value) => _value = value;

    /// <summary>A job finished with status <c>completed</c>; the body is the job's results (records in <c>all_records</c>).</summary>
    public static CatchAllWebhookEventKind JobCompleted { get; } = new("job.completed");

    /// <summary>A job finished with status <c>failed</c>; <c>error</c> says why.</summary>
    public static CatchAllWebhookEventKind JobFailed { get; } = new("job.failed");

    /// <summary>A monitor finished a run: the contract's <c>WebhookPayload</c> (records in <c>records</c>).</summary>
    public static CatchAllWebhookEventKind MonitorRun { get; } = new("monitor.run");

    /// <summary>A test delivery sent from <c>POST /catchAll/webhooks/{id}/test</c> (<c>{"test": true, ...}</c>).</summary>
    public static CatchAllWebhookEventKind Test { get; } = new("test");

    /// <summary>A JSON body of a shape this version does not know; read it through <see cref="CatchAllWebhookEvent.Json"/>.</summary>
    public static CatchAllWebhookEventKind Unknown { get; } = new("unknown");

    /// <summary>The kind's name, also used as the <c>kind</c> tag of metrics.</summary>
    public string Value => _value ?? "unknown";

    /// <inheritdoc/>
    public bool Equals(CatchAllWebhookEventKind other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CatchAllWebhookEventKind other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Compares two kinds by name.</summary>
    public static bool operator ==(CatchAllWebhookEventKind left, CatchAllWebhookEventKind right) => left.Equals(right);

    /// <summary>Compares two kinds by name.</summary>
    public static bool operator !=(CatchAllWebhookEventKind left, CatchAllWebhookEventKind right) => !left.Equals(right);
}
