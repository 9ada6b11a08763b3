using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime;

/// <summary>Waits for a long-running resource by polling it until it succeeds, fails or time runs out.</summary>
public static class Poller
{
    /// <summary>
    /// Polls at once, then every <see cref="PollingOptions.Interval"/>, reporting each result, until
    /// <paramref name="evaluate"/> says the resource succeeded or failed.
    /// </summary>
    /// <remarks>
    /// A poll failing transiently (HTTP 408, 429, 500, 502, 503, 504, a transport failure, one poll timing out, or
    /// pages read by the poll contradicting themselves, <see cref="CatchAllPagingException"/>) does not end the wait:
    /// polling goes on at the interval (longer when a 429 asks for it) until the failures have lasted
    /// <see cref="PollingOptions.TransientFailureTolerance"/>.
    /// </remarks>
    /// <typeparam name="T">The poll result type, e.g. a job status.</typeparam>
    /// <param name="poll">Fetches the current state; receives a token that also ends with the wait's timeout.</param>
    /// <param name="evaluate">Classifies a result.</param>
    /// <param name="onFailed">Builds the exception thrown for a failed result (typically an <see cref="OperationFailedException"/>).</param>
    /// <param name="options">Interval and overall timeout.</param>
    /// <param name="timeProvider">The clock for the interval and timeout.</param>
    /// <param name="progress">Receives every result, including the last, before the wait goes on (see <see cref="ProgressReporting"/>); may be null.</param>
    /// <param name="cancellationToken">Stops the wait promptly, even mid-interval.</param>
    /// <returns>The first result classified as <see cref="PollOutcome.Succeeded"/>.</returns>
    /// <exception cref="CatchAllTimeoutException"><see cref="PollingOptions.Timeout"/> elapsed first.</exception>
    /// <exception cref="CatchAllException">A poll failed with an error that is not transient, or transient failures
    /// went on for longer than <see cref="PollingOptions.TransientFailureTolerance"/>: the last failure is thrown.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<T> PollAsync<T>(
        Func<CancellationToken, Task<T>> poll,
        Func<T, PollOutcome> evaluate,
        Func<T, Exception> onFailed,
        PollingOptions options,
        TimeProvider timeProvider,
        IProgress<T>? progress,
        CancellationToken cancellationToken)
    {
        if (poll is null)
        {
            throw new ArgumentNullException(nameof(poll));
        }

        if (evaluate is null)
        {
            throw new ArgumentNullException(nameof(evaluate));
        }

        if (onFailed is null)
        {
            throw new ArgumentNullException(nameof(onFailed));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (timeProvider is null)
        {
            throw new ArgumentNullException(nameof(timeProvider));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var timeout = options.Timeout;
        using var timeoutSource = timeout is TimeSpan limit ? TimeProviderTasks.CancelAfter(timeProvider, limit) : null;
        using var linkedSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource?.Token ?? CancellationToken.None);
        var token = linkedSource.Token;
        using var telemetry = new WaitTelemetry(options.OperationId, timeProvider);

        try
        {
            long? failingSince = null;
            while (true)
            {
                T result;
                try
                {
                    result = await poll(token).ConfigureAwait(false);
                    failingSince = null;
                }
                catch (CatchAllException ex) when (!token.IsCancellationRequested && IsTransient(ex))
                {
                    // A short outage must not end a wait of many minutes: keep polling for a while, as Azure's
                    // long-running operation pollers do, then give up with what went wrong.
                    failingSince ??= timeProvider.GetTimestamp();
                    var failingFor = timeProvider.GetElapsedTime(failingSince.Value);
                    var wait = ex is RateLimitedException { RetryAfter: TimeSpan asked } && asked > options.Interval ? asked : options.Interval;
                    // Subtracted, not added: a Retry-After read as TimeSpan.MaxValue must give up, not overflow.
                    if (wait > options.TransientFailureTolerance - failingFor)
                    {
                        throw;
                    }

                    await TimeProviderTasks.Delay(timeProvider, wait, token).ConfigureAwait(false);
                    continue;
                }

                await ProgressReporting.ReportAsync(progress, result, token).ConfigureAwait(false);
                var outcome = evaluate(result);
                switch (outcome)
                {
                    case PollOutcome.Succeeded:
                        telemetry.Finished(outcome);
                        return result;
                    case PollOutcome.Failed:
                        telemetry.Finished(outcome);
                        throw onFailed(result) ?? new InvalidOperationException("onFailed returned null instead of an exception.");
                }

                await TimeProviderTasks.Delay(timeProvider, options.Interval, token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (telemetry.Observe(ex, timeoutSource is not null && timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            throw; // Observe never catches.
        }
        catch (OperationCanceledException ex) when (timeoutSource is not null && timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CatchAllTimeoutException(
                options.OperationId,
                string.Format(CultureInfo.InvariantCulture, "{0}: operation timed out after {1} of polling.", options.OperationId, timeout),
                timeout,
                ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
    }

    private static bool IsTransient(CatchAllException exception) =>
        exception switch
        {
            CatchAllApiException api => RetryStrategy.IsRetriableStatus(api.StatusCode),
            CatchAllTransportException => true,
            CatchAllTimeoutException => true,

            // Only a partial-results wait pages while polling: a server whose pages disagree mid-job may well agree
            // by the next poll, and the wait must not end over records it only reports along the way.
            CatchAllPagingException => true,
            _ => false,
        };
}
