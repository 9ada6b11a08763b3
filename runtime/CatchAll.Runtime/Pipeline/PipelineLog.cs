using System;
using Microsoft.Extensions.Logging;

namespace CatchAll.Runtime;

/// <summary>
/// The pipeline's log messages. Pre-compiled with <see cref="LoggerMessage.Define{T1}(LogLevel, EventId, string)"/>
/// so disabled levels cost nothing. None of them carries the API key.
/// </summary>
internal static class PipelineLog
{
    public const string Category = "CatchAll.Runtime";

    private static readonly Action<ILogger, string, string, string, int, Exception?> SendingMessage =
        LoggerMessage.Define<string, string, string, int>(
            LogLevel.Debug,
            new EventId(1, "Sending"),
            "Sending {OperationId} {Method} {Path} (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, string, int, double, int, Exception?> RespondedMessage =
        LoggerMessage.Define<string, string, string, int, double, int>(
            LogLevel.Information,
            new EventId(2, "Responded"),
            "{OperationId} {Method} {Path} responded {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, double, int, int, Exception?> RetryingMessage =
        LoggerMessage.Define<string, string, double, int, int>(
            LogLevel.Warning,
            new EventId(3, "Retrying"),
            "{OperationId} failed ({Reason}); retrying in {DelayMilliseconds} ms (attempt {Attempt} of {MaxAttempts})");

    private static readonly Action<ILogger, string, string, Exception?> RequestHeadersMessage =
        LoggerMessage.Define<string, string>(
            LogLevel.Trace,
            new EventId(4, "RequestHeaders"),
            "{OperationId} request headers: {Headers}");

    public static void Sending(ILogger logger, string operationId, string method, string path, int attempt) =>
        SendingMessage(logger, operationId, method, path, attempt, null);

    public static void Responded(ILogger logger, string operationId, string method, string path, int statusCode, TimeSpan elapsed, int attempt) =>
        RespondedMessage(logger, operationId, method, path, statusCode, Math.Round(elapsed.TotalMilliseconds, 1), attempt, null);

    public static void Retrying(ILogger logger, string operationId, string reason, TimeSpan delay, int attempt, int maxAttempts, Exception? failure) =>
        RetryingMessage(logger, operationId, reason, Math.Round(delay.TotalMilliseconds, 1), attempt, maxAttempts, failure);

    public static void RequestHeaders(ILogger logger, string operationId, string redactedHeaders) =>
        RequestHeadersMessage(logger, operationId, redactedHeaders, null);
}
