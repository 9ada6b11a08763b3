using System;
using System.Text.Json.Nodes;
using CatchAll.Emulator.State;

namespace CatchAll.Emulator.Webhooks;

/// <summary>One payload to send to one webhook (split per record when the webhook asks for it).</summary>
internal sealed record DeliveryJob(WebhookTarget Target, string ResourceType, Guid ResourceId, JsonObject Payload, string RecordsProperty, JsonObject AdditionalInfo, Action<DeliveryOutcome>? OnDone);

internal sealed record DeliveryOutcome(bool Success, int StatusCode, string? Error, JsonNode? ResponseBody);
