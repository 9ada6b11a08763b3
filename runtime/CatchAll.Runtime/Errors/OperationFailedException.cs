using System;

namespace CatchAll;

/// <summary>
/// A long-running resource (a job, a monitor run) reached a failed state. Generated code derives
/// specific types such as <c>JobFailedException</c> from this.
/// </summary>
public class OperationFailedException : CatchAllException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The operation whose result reported the failure.</param>
    /// <param name="resourceId">The id of the failed resource, e.g. the job id.</param>
    /// <param name="status">The status the service reported, e.g. <c>failed</c>.</param>
    /// <param name="lastResult">The last polled result, for diagnostics.</param>
    /// <param name="message">What failed.</param>
    public OperationFailedException(string operationId, string resourceId, string status, object? lastResult, string message)
        : base(operationId, message)
    {
        ResourceId = resourceId ?? throw new ArgumentNullException(nameof(resourceId));
        Status = status ?? throw new ArgumentNullException(nameof(status));
        LastResult = lastResult;
    }

    /// <summary>The id of the failed resource.</summary>
    public string ResourceId { get; }

    /// <summary>The status the service reported.</summary>
    public string Status { get; }

    /// <summary>The last polled result, for diagnostics.</summary>
    public object? LastResult { get; }
}
