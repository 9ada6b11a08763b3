using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CatchAll.AspNetCore;

/// <summary>
/// One webhook delivery from CatchAll, parsed far enough to route and de-duplicate it. The typed records live in
/// the project that generated them, so typed access goes through System.Text.Json metadata: pass a generated
/// <see cref="JsonTypeInfo{T}"/> (<c>e.Deserialize(CatchAllClientJson.WebhookPayload)</c>), or set
/// <see cref="CatchAllWebhookOptions.TypeInfoResolver"/> and call <see cref="Deserialize{T}()"/>.
/// </summary>
public sealed class CatchAllWebhookEvent
{
    private readonly JsonSerializerOptions? _json;

    internal CatchAllWebhookEvent(
        string id,
        CatchAllWebhookEventKind kind,
        JsonElement json,
        Guid? jobId,
        Guid? monitorId,
        string? jobStatus,
        bool isPerRecord,
        DateTimeOffset receivedAt,
        JsonSerializerOptions? serializerOptions)
    {
        Id = id;
        Kind = kind;
        Json = json;
        JobId = jobId;
        MonitorId = monitorId;
        JobStatus = jobStatus;
        IsPerRecord = isPerRecord;
        ReceivedAt = receivedAt;
        _json = serializerOptions;
    }

    /// <summary>
    /// The delivery's identity, stable across redeliveries of the same event (fields that change per attempt,
    /// such as <c>updated_at</c>, are left out). Used for de-duplication and in every log line about the event.
    /// </summary>
    public string Id { get; }

    /// <summary>What the delivery is about.</summary>
    public CatchAllWebhookEventKind Kind { get; }

    /// <summary>The job: the finished job for job events, the run's job (<c>latest_job_id</c>) for monitor runs.</summary>
    public Guid? JobId { get; }

    /// <summary>The monitor, for monitor runs.</summary>
    public Guid? MonitorId { get; }

    /// <summary>The job's <c>status</c> as sent, for job events.</summary>
    public string? JobStatus { get; }

    /// <summary>
    /// The delivery carries a single record of a larger result, as a <c>per_record</c> webhook sends them.
    /// A <c>full</c> delivery of a run that found exactly one record looks the same, and is handled the same way.
    /// </summary>
    public bool IsPerRecord { get; }

    /// <summary>When this process accepted the delivery.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The body as received. Always available, whatever the <see cref="Kind"/>.</summary>
    public JsonElement Json { get; }

    /// <summary>Name of the property that holds the records: <c>all_records</c> for jobs, <c>records</c> for monitor runs.</summary>
    public string? RecordsProperty => Kind == CatchAllWebhookEventKind.MonitorRun ? "records"
        : Kind == CatchAllWebhookEventKind.JobCompleted || Kind == CatchAllWebhookEventKind.JobFailed ? "all_records"
        : null;

    /// <summary>The records as raw JSON elements (empty when the delivery has none).</summary>
    public IReadOnlyList<JsonElement> RecordsJson
    {
        get
        {
            var list = new List<JsonElement>();
            if (RecordsProperty is { } name && Json.ValueKind == JsonValueKind.Object
                && Json.TryGetProperty(name, out var records) && records.ValueKind == JsonValueKind.Array)
            {
                foreach (var record in records.EnumerateArray())
                {
                    list.Add(record);
                }
            }

            return list;
        }
    }

    /// <summary>The whole body as <typeparamref name="T"/>, read with the given metadata (no reflection).</summary>
    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Json.Deserialize(typeInfo);
    }

    /// <summary>The whole body as <typeparamref name="T"/>, with metadata from <see cref="CatchAllWebhookOptions.TypeInfoResolver"/>.</summary>
    public T? Deserialize<T>() => Deserialize(TypeInfo<T>());

    /// <summary>The records, each read with the given metadata (no reflection).</summary>
    public IReadOnlyList<T> GetRecords<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var json = RecordsJson;
        var result = new List<T>(json.Count);
        foreach (var element in json)
        {
            if (element.Deserialize(typeInfo) is { } record)
            {
                result.Add(record);
            }
        }

        return result;
    }

    /// <summary>
    /// The records as <typeparamref name="T"/>, with metadata from <see cref="CatchAllWebhookOptions.TypeInfoResolver"/>:
    /// the generated record types, or any type a resolver added there knows (typed enrichments plug in this way).
    /// </summary>
    public IReadOnlyList<T> GetRecords<T>() => GetRecords(TypeInfo<T>());

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Id}";

    private JsonTypeInfo<T> TypeInfo<T>()
    {
        if (_json?.TypeInfoResolver is null)
        {
            throw new InvalidOperationException(
                "No JSON metadata is configured for webhook events: set CatchAllWebhookOptions.TypeInfoResolver (for example to the generated CatchAllClientJson.Resolver) or pass a JsonTypeInfo<T>.");
        }

        return _json.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"The configured TypeInfoResolver has no metadata for {typeof(T)}.");
    }

    /// <summary>Reads a delivery's body. Throws <see cref="JsonException"/> when it is not JSON.</summary>
    internal static CatchAllWebhookEvent Parse(byte[] body, DateTimeOffset receivedAt, JsonSerializerOptions? json)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new CatchAllWebhookEvent("unknown:" + Hash(body), CatchAllWebhookEventKind.Unknown, root, null, null, null, false, receivedAt, json);
        }

        if (root.TryGetProperty("test", out var test) && test.ValueKind == JsonValueKind.True)
        {
            // Every test call is its own event: two of them are never duplicates of each other.
            return new CatchAllWebhookEvent("test:" + Hash(body), CatchAllWebhookEventKind.Test, root, null, null, null, false, receivedAt, json);
        }

        if (Uuid(root, "monitor_id") is Guid monitorId)
        {
            var runJob = Uuid(root, "latest_job_id");
            var perRecord = Count(root, "records") == 1 && Int(root, "records_count") == 1;
            var id = $"monitor:{monitorId:D}:{runJob?.ToString("D") ?? "-"}{RecordsIdentity(root, "records")}";
            return new CatchAllWebhookEvent(id, CatchAllWebhookEventKind.MonitorRun, root, runJob, monitorId, null, perRecord, receivedAt, json);
        }

        if (Uuid(root, "job_id") is Guid jobId && Str(root, "status") is { } status)
        {
            var kind = status switch
            {
                "completed" => CatchAllWebhookEventKind.JobCompleted,
                "failed" => CatchAllWebhookEventKind.JobFailed,
                _ => CatchAllWebhookEventKind.Unknown,
            };
            var perRecord = Count(root, "all_records") == 1 && Int(root, "valid_records") is > 1;
            var id = $"job:{jobId:D}:{status}{RecordsIdentity(root, "all_records")}";
            return new CatchAllWebhookEvent(id, kind, root, jobId, null, status, perRecord, receivedAt, json);
        }

        return new CatchAllWebhookEvent("unknown:" + Hash(body), CatchAllWebhookEventKind.Unknown, root, Uuid(root, "job_id"), null, null, false, receivedAt, json);
    }

    private static Guid? Uuid(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id) ? id : null;

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static int Count(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : -1;

    /// <summary>
    /// The record ids a delivery carries, hashed: per-record deliveries of one run stay distinct events, while a
    /// redelivery (same records, a new <c>updated_at</c>) is the same event.
    /// </summary>
    private static string RecordsIdentity(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var records) || records.ValueKind != JsonValueKind.Array || records.GetArrayLength() == 0)
        {
            return string.Empty;
        }

        var ids = new StringBuilder();
        foreach (var record in records.EnumerateArray())
        {
            ids.Append(record.ValueKind == JsonValueKind.Object && Str(record, "record_id") is { } recordId ? recordId : record.GetRawText()).Append('\n');
        }

        return ":" + Hash(Encoding.UTF8.GetBytes(ids.ToString()));
    }

    private static string Hash(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes, digest);
        return Convert.ToHexString(digest[..12]).ToLowerInvariant();
    }
}
