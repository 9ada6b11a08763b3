namespace CatchAll;

/// <summary>
/// The names under which CatchAll clients publish traces and metrics, for OpenTelemetry's
/// <c>AddSource</c> and <c>AddMeter</c>.
/// </summary>
/// <remarks>
/// Traces: one activity per operation (named after the contract's operation id, e.g. <c>getJobStatus</c>), retries
/// included, tagged <c>catchall.operation.id</c>, <c>http.request.method</c>, <c>http.response.status_code</c>,
/// <c>http.request.resend_count</c>, <c>server.address</c>, <c>server.port</c>, <c>error.type</c> and, where a
/// response names one, <c>catchall.job.id</c>; one activity per wait (<c>getJobStatus wait</c>). HttpClient's own
/// per-attempt activities nest under them. Metrics: <c>catchall.client.operation.duration</c> (s),
/// <c>catchall.client.retries</c>, <c>catchall.client.rate_limited</c> (429 responses) and
/// <c>catchall.client.wait.duration</c> (s). Neither ever carries the API key, a header value or a body.
/// </remarks>
public static class CatchAllDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: <c>CatchAll</c>.</summary>
    public const string ActivitySourceName = "CatchAll";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>CatchAll</c>.</summary>
    public const string MeterName = "CatchAll";
}
