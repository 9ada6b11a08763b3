using System;
using System.Diagnostics;

namespace CatchAll.Runtime;

/// <summary>The activity and measurements of one pipeline call, retries included.</summary>
internal sealed class OperationTelemetry : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly string _operationId;
    private readonly string _method;
    private readonly string _host;
    private readonly int _port;
    private int _attempts;
    private int? _status;
    private string? _errorType;

    private OperationTelemetry(string operationId, string method, Uri uri, TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
        _operationId = operationId;
        _method = method;
        _host = uri.Host;
        _port = uri.Port;
        Activity = CatchAllTelemetry.Source.StartActivity(operationId, ActivityKind.Internal);
        if (Activity is not null)
        {
            Activity.SetTag(CatchAllTelemetry.OperationIdTag, operationId);
            Activity.SetTag("http.request.method", method);
            Activity.SetTag("server.address", _host);
            Activity.SetTag("server.port", _port);
        }
    }

    public Activity? Activity { get; }

    /// <summary>Starts the call's telemetry, or returns null when nothing listens, so an unobserved call allocates nothing for it.</summary>
    public static OperationTelemetry? Start(string operationId, string method, Uri uri, TimeProvider time) =>
        CatchAllTelemetry.Source.HasListeners() || CatchAllTelemetry.OperationDuration.Enabled || CatchAllTelemetry.Retries.Enabled || CatchAllTelemetry.RateLimited.Enabled
            ? new OperationTelemetry(operationId, method, uri, time)
            : null;

    public void Attempt(int attempt) => _attempts = attempt;

    public void Responded(int status)
    {
        _status = status;
        if (status == 429 && CatchAllTelemetry.RateLimited.Enabled)
        {
            CatchAllTelemetry.RateLimited.Add(1, new TagList { { CatchAllTelemetry.OperationIdTag, _operationId }, { "http.request.method", _method } });
        }
    }

    public void Retrying(string reason)
    {
        if (CatchAllTelemetry.Retries.Enabled)
        {
            CatchAllTelemetry.Retries.Add(1, new TagList { { CatchAllTelemetry.OperationIdTag, _operationId }, { "http.request.method", _method }, { "error.type", reason } });
        }
    }

    /// <summary>Records a failure from an exception filter; always false, so the exception goes on unhandled.</summary>
    public bool Observe(Exception exception, bool timedOut)
    {
        _errorType = timedOut && exception is not CatchAllException ? typeof(CatchAllTimeoutException).FullName : CatchAllTelemetry.ErrorType(exception);
        if (exception is CatchAllApiException api)
        {
            _status = api.StatusCode;
        }

        // The exception's message is left out: it may quote the service's text, which is the caller's data.
        Activity?.SetStatus(ActivityStatusCode.Error, _errorType);
        return false;
    }

    public void Dispose()
    {
        if (Activity is not null)
        {
            if (_status is int status)
            {
                Activity.SetTag("http.response.status_code", status);
            }

            if (_attempts > 1)
            {
                Activity.SetTag("http.request.resend_count", _attempts - 1);
            }

            if (_errorType is not null)
            {
                Activity.SetTag("error.type", _errorType);
            }

            Activity.Dispose();
        }

        if (CatchAllTelemetry.OperationDuration.Enabled)
        {
            var tags = new TagList
            {
                { CatchAllTelemetry.OperationIdTag, _operationId },
                { "http.request.method", _method },
                { "server.address", _host },
                { "server.port", _port },
            };
            if (_status is int status)
            {
                tags.Add("http.response.status_code", status);
            }

            if (_errorType is not null)
            {
                tags.Add("error.type", _errorType);
            }

            CatchAllTelemetry.OperationDuration.Record(_time.GetElapsedTime(_started).TotalSeconds, tags);
        }
    }
}
