using System;
using Microsoft.Extensions.Logging;

namespace CatchAll.AspNetCore;

/// <summary>Every log line of the receiver. Bodies and credentials are never logged; event ids always are.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "CatchAll webhook {EventId} ({Kind}) accepted; queue depth {Depth}")]
    public static partial void Accepted(ILogger logger, string eventId, string kind, int depth);

    [LoggerMessage(2, LogLevel.Information, "CatchAll webhook {EventId} ({Kind}) is a duplicate within the dedupe window; acknowledged without handling")]
    public static partial void Duplicate(ILogger logger, string eventId, string kind);

    [LoggerMessage(3, LogLevel.Warning, "CatchAll webhook refused with 401: missing or wrong {CredentialType} credentials (from {Remote})")]
    public static partial void Unauthorized(ILogger logger, string credentialType, string? remote);

    [LoggerMessage(4, LogLevel.Warning, "CatchAll webhook refused with 415: content type '{ContentType}' is not JSON")]
    public static partial void UnsupportedMediaType(ILogger logger, string? contentType);

    [LoggerMessage(5, LogLevel.Warning, "CatchAll webhook refused with 413: body over the {Limit}-byte limit")]
    public static partial void TooLarge(ILogger logger, long limit);

    [LoggerMessage(6, LogLevel.Warning, "CatchAll webhook refused with 400: the {Length}-byte body is not JSON ({Reason})")]
    public static partial void InvalidJson(ILogger logger, long length, string reason);

    [LoggerMessage(7, LogLevel.Warning, "CatchAll webhook {EventId} ({Kind}) refused with 503: the queue is full ({Capacity}) or stopping; the sender should retry")]
    public static partial void QueueFull(ILogger logger, string eventId, string kind, int capacity);

    [LoggerMessage(8, LogLevel.Debug, "CatchAll webhook {EventId} ({Kind}) handled on attempt {Attempt} in {ElapsedMs} ms")]
    public static partial void Handled(ILogger logger, string eventId, string kind, int attempt, double elapsedMs);

    [LoggerMessage(9, LogLevel.Warning, "CatchAll webhook {EventId} ({Kind}): handler attempt {Attempt} of {MaxAttempts} failed; retrying")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string eventId, string kind, int attempt, int maxAttempts);

    [LoggerMessage(10, LogLevel.Error, "CatchAll webhook {EventId} ({Kind}) not handled: all {MaxAttempts} attempts failed; a redelivery will be handled again")]
    public static partial void GaveUp(ILogger logger, Exception exception, string eventId, string kind, int maxAttempts);

    [LoggerMessage(11, LogLevel.Information, "CatchAll webhooks stopping: draining {Depth} queued events (timeout {Timeout})")]
    public static partial void Draining(ILogger logger, int depth, TimeSpan timeout);

    [LoggerMessage(12, LogLevel.Error, "CatchAll webhook {EventId} ({Kind}) not handled: shutdown timed out before it was processed")]
    public static partial void Abandoned(ILogger logger, string eventId, string kind);

    [LoggerMessage(13, LogLevel.Information, "CatchAll webhook {EventId} ({Kind}) of unknown shape accepted with its raw JSON")]
    public static partial void UnknownShape(ILogger logger, string eventId, string kind);

    [LoggerMessage(14, LogLevel.Error, "CatchAll webhook {EventId} ({Kind}) not handled: the webhook worker failed around the handler and goes on with the next event")]
    public static partial void WorkerFault(ILogger logger, Exception exception, string eventId, string kind);
}
