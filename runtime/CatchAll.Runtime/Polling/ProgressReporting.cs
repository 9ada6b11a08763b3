using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime;

/// <summary>
/// Reports progress in order and in step with the work. A plain <see cref="Progress{T}"/> posts each report to the
/// synchronization context it was created on (the thread pool in a console app), so two reports can run out of
/// order, and the last one after the wait has returned. Waiting until the report has been handled fixes both.
/// </summary>
public static class ProgressReporting
{
    /// <summary>
    /// How long a report waits for a <see cref="Progress{T}"/> handler before the work goes on without it. A
    /// handler that throws never raises <see cref="Progress{T}.ProgressChanged"/>, and one posted to a blocked UI
    /// thread may not run for a long time: neither may stall a wait that has no timeout.
    /// </summary>
    internal static readonly TimeSpan HandlerWaitLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reports <paramref name="value"/> and completes once it has been handled: at once for any
    /// <see cref="IProgress{T}"/> but an exact <see cref="Progress{T}"/>, whose handler (and ProgressChanged
    /// subscribers) are awaited, for at most 5 seconds: a handler that throws, or one that does not get to run
    /// (a blocked UI thread), is then left behind and the work goes on, possibly reporting out of order.
    /// </summary>
    /// <remarks>
    /// Reports of a reference type are told apart by identity, so concurrent waits sharing one
    /// <see cref="Progress{T}"/> each wait for their own report; reports of a value type are told apart by value.
    /// </remarks>
    /// <typeparam name="T">The progress value type.</typeparam>
    /// <param name="progress">The receiver; null reports nothing.</param>
    /// <param name="value">The value to report.</param>
    /// <param name="cancellationToken">Stops waiting for the handler.</param>
    /// <returns>A task that completes when the handler has run, or has been given up on.</returns>
    public static Task ReportAsync<T>(IProgress<T>? progress, T value, CancellationToken cancellationToken) =>
        ReportAsync(progress, value, TimeProvider.System, cancellationToken);

    /// <summary>
    /// Like <see cref="ReportAsync{T}(IProgress{T}?, T, CancellationToken)"/>, with the clock that bounds the wait
    /// for a <see cref="Progress{T}"/> handler.
    /// </summary>
    /// <typeparam name="T">The progress value type.</typeparam>
    /// <param name="progress">The receiver; null reports nothing.</param>
    /// <param name="value">The value to report.</param>
    /// <param name="timeProvider">The clock for the 5-second limit.</param>
    /// <param name="cancellationToken">Stops waiting for the handler.</param>
    /// <returns>A task that completes when the handler has run, or has been given up on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public static Task ReportAsync<T>(IProgress<T>? progress, T value, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (timeProvider is null)
        {
            throw new ArgumentNullException(nameof(timeProvider));
        }

        if (progress is null)
        {
            return Task.CompletedTask;
        }

        // A receiver that can be awaited (a typed adapter) is awaited: nothing posted, no thread blocked.
        if (progress is IAwaitableProgress<T> awaitable)
        {
            return awaitable.ReportAsync(value, cancellationToken);
        }

        // A subclass may override OnReport and never raise ProgressChanged: it gets the plain call.
        if (progress.GetType() != typeof(Progress<T>))
        {
            progress.Report(value);
            return Task.CompletedTask;
        }

        var posting = (Progress<T>)progress;
        var handled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        // By identity where there is one: another wait reporting an equal value to the same Progress<T> must not
        // release this one before its own report has been handled.
        var byIdentity = !typeof(T).IsValueType;
        EventHandler<T> onHandled = (_, reported) =>
        {
            if (byIdentity ? ReferenceEquals(reported, value) : EqualityComparer<T>.Default.Equals(reported, value))
            {
                handled.TrySetResult(true);
            }
        };

        // Progress<T> runs its handler, then ProgressChanged, in one posted callback: this subscriber runs last.
        posting.ProgressChanged += onHandled;
        progress.Report(value);
        return WaitAsync(posting, onHandled, handled, timeProvider, cancellationToken);
    }

    private static async Task WaitAsync<T>(Progress<T> posting, EventHandler<T> onHandled, TaskCompletionSource<bool> handled, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        try
        {
            using (var expiry = TimeProviderTasks.CancelAfter(timeProvider, HandlerWaitLimit))
            using (expiry.Token.Register(() => handled.TrySetResult(false)))
            using (cancellationToken.Register(() => handled.TrySetCanceled(cancellationToken)))
            {
                await handled.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            posting.ProgressChanged -= onHandled;
        }
    }
}

/// <summary>A progress receiver whose report can be awaited until handled (the typed partial-results adapter).</summary>
/// <typeparam name="T">The progress value type.</typeparam>
internal interface IAwaitableProgress<in T>
{
    /// <summary>Reports <paramref name="value"/>; completes once it has been handled.</summary>
    Task ReportAsync(T value, CancellationToken cancellationToken);
}
