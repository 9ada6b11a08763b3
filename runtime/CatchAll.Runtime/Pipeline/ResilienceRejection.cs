using System;

namespace CatchAll.Runtime;

/// <summary>
/// Recognises Polly's rejections (from handlers such as <c>AddStandardResilienceHandler()</c>) by type name,
/// so callers can keep catching <see cref="CatchAllException"/> without this package depending on Polly.
/// </summary>
internal static class ResilienceRejection
{
    private const string RejectionBase = "Polly.ExecutionRejectedException";
    private const string TimeoutRejection = "Polly.Timeout.TimeoutRejectedException";

    public static bool Is(Exception exception)
    {
        for (var type = exception.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName == RejectionBase)
            {
                return true;
            }
        }

        return false;
    }

    public static CatchAllException ToCatchAllException(string operationId, Exception rejection)
    {
        if (rejection.GetType().FullName == TimeoutRejection)
        {
            return new CatchAllTimeoutException(operationId, operationId + " was stopped by a resilience handler's timeout: " + rejection.Message, innerException: rejection);
        }

        return new CatchAllTransportException(operationId, operationId + " was not sent: a resilience handler rejected it (" + rejection.GetType().Name + "): " + rejection.Message, rejection);
    }
}
