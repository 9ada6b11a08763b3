using System;
using System.Diagnostics;

namespace CatchAll.Runtime;

/// <summary>The activity and duration of one wait for a long-running resource.</summary>
internal sealed class WaitTelemetry : IDisposable
{
    private const string OutcomeTag = "catchall.wait.outcome";

    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly string _operationId;
    private string _outcome = "error";
    private string? _errorType;

    public WaitTelemetry(string operationId, TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
        _operationId = operationId;
        Activity = CatchAllTelemetry.Source.StartActivity(operationId + " wait", ActivityKind.Internal);
        Activity?.SetTag(CatchAllTelemetry.OperationIdTag, operationId);
    }

    public Activity? Activity { get; }

    /// <summary>The resource reached a final state: <c>succeeded</c> or <c>failed</c>.</summary>
    public void Finished(PollOutcome outcome) => _outcome = outcome == PollOutcome.Succeeded ? "succeeded" : "failed";

    /// <summary>Records why the wait ended from an exception filter; always false.</summary>
    public bool Observe(Exception exception, bool timedOut)
    {
        if (_outcome == "failed")
        {
            return false;
        }

        _outcome = timedOut ? "timeout" : exception is OperationCanceledException ? "cancelled" : "error";
        _errorType = timedOut ? typeof(CatchAllTimeoutException).FullName : CatchAllTelemetry.ErrorType(exception);
        return false;
    }

    public void Dispose()
    {
        if (Activity is not null)
        {
            Activity.SetTag(OutcomeTag, _outcome);
            if (_errorType is not null)
            {
                Activity.SetTag("error.type", _errorType);
                Activity.SetStatus(ActivityStatusCode.Error, _errorType);
            }

            Activity.Dispose();
        }

        if (CatchAllTelemetry.WaitDuration.Enabled)
        {
            var tags = new TagList { { CatchAllTelemetry.OperationIdTag, _operationId }, { OutcomeTag, _outcome } };
            if (_errorType is not null)
            {
                tags.Add("error.type", _errorType);
            }

            CatchAllTelemetry.WaitDuration.Record(_time.GetElapsedTime(_started).TotalSeconds, tags);
        }
    }
}
