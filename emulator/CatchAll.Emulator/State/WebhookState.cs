using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CatchAll.Emulator.State;

internal sealed class WebhookState
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    public required string Type { get; set; }

    public required string DeliveryMode { get; set; }

    public required string Method { get; set; }

    public Dictionary<string, string> Headers { get; set; } = [];

    public Dictionary<string, string> Params { get; set; } = [];

    public JsonObject? Auth { get; set; }

    public JsonObject? FormatterConfig { get; set; }

    public bool IsActive { get; set; } = true;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>An immutable copy for the delivery worker, which runs outside the lock.</summary>
    public WebhookTarget Target() => new(Id, Url, Type, DeliveryMode, Method, new Dictionary<string, string>(Headers), new Dictionary<string, string>(Params), (JsonObject?)Auth?.DeepClone());
}

internal sealed record WebhookTarget(Guid Id, string Url, string Type, string DeliveryMode, string Method, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Params, JsonObject? Auth);

internal sealed class WebhookMapping
{
    public required Guid Id { get; init; }

    public required Guid WebhookId { get; init; }

    public required string ResourceType { get; init; }

    public required Guid ResourceId { get; init; }

    public required DateTimeOffset AssignedAt { get; init; }
}

internal sealed class DeliveryRecord
{
    public required long Id { get; init; }

    public required Guid WebhookId { get; init; }

    public required string ResourceType { get; init; }

    public required Guid ResourceId { get; init; }

    public required JsonObject AdditionalInfo { get; init; }

    public required int StatusCode { get; init; }

    public required int AttemptNumber { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required bool Success { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }
}
