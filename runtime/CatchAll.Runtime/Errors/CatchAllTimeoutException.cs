using System;

namespace CatchAll;

/// <summary>
/// A call (retries included) or a polling wait ran past its time limit. Thrown instead of
/// <see cref="System.Threading.Tasks.TaskCanceledException"/> so a timeout is never mistaken for the
/// caller's own cancellation.
/// </summary>
public class CatchAllTimeoutException : CatchAllException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation that timed out.</param>
    /// <param name="message">What timed out.</param>
    /// <param name="timeout">The limit that elapsed, when known.</param>
    /// <param name="innerException">The cancellation that the timeout caused, if any.</param>
    public CatchAllTimeoutException(string operationId, string message, TimeSpan? timeout = null, Exception? innerException = null)
        : base(operationId, message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The limit that elapsed, when known.</summary>
    public TimeSpan? Timeout { get; }
}
