using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.Json;

namespace CatchAll.Runtime;

/// <summary>
/// The runtime's ActivitySource and Meter, and the instruments on it. Attribute names follow the OpenTelemetry
/// HTTP semantic conventions where one applies (<c>http.request.method</c>, <c>http.response.status_code</c>,
/// <c>error.type</c>, <c>server.address</c>); the rest are <c>catchall.*</c>.
/// </summary>
internal static class CatchAllTelemetry
{
    public const string OperationIdTag = "catchall.operation.id";
    public const string JobIdTag = "catchall.job.id";

    private static readonly string Version = typeof(CatchAllTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static readonly ActivitySource Source = new ActivitySource(CatchAllDiagnostics.ActivitySourceName, Version);

    public static readonly Meter Meter = new Meter(CatchAllDiagnostics.MeterName, Version);

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "catchall.client.operation.duration", "s", "Duration of CatchAll operations, retries and their delays included.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "catchall.client.retries", "{retry}", "Retries of CatchAll operations after a transient failure.");

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "catchall.client.rate_limited", "{response}", "HTTP 429 responses received.");

    public static readonly Histogram<double> WaitDuration = Meter.CreateHistogram<double>(
        "catchall.client.wait.duration", "s", "Duration of waits for long-running CatchAll resources.");

    /// <summary>Tags the current CatchAll activity, when one is being recorded, with the job id a response names.</summary>
    public static void TagJobId(ReadOnlySpan<byte> json)
    {
        if (Activity.Current is { IsAllDataRequested: true } activity && ReferenceEquals(activity.Source, Source) && JobIdOf(json) is string jobId)
        {
            activity.SetTag(JobIdTag, jobId);
        }
    }

    /// <summary>The top-level <c>job_id</c> of a JSON body, read from its first few kilobytes only.</summary>
    public static string? JobIdOf(ReadOnlySpan<byte> json)
    {
        const int Scan = 4096;
        var reader = new Utf8JsonReader(json.Length > Scan ? json.Slice(0, Scan) : json, json.Length <= Scan, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isJobId = reader.ValueTextEquals("job_id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isJobId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    public static string ErrorType(Exception exception) => exception switch
    {
        CatchAllApiException api => api.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OperationCanceledException => "cancelled",
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
