using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime
{
    /// <summary>
    /// Reports progress in order and in step with the work. A plain <see cref="Progress{T}"/> posts each report to the
    /// synchronization context it was created on (the thread pool in a console app), so two reports can run out of
    /// order, and the last one after the wait has returned. Waiting until the report has been handled fixes both.
    /// </summary>
    public static class ProgressReporting
    {
        /// <summary>
        /// Reports <paramref name="value"/> and completes once it has been handled: at once for any
        /// <see cref="IProgress{T}"/> but an exact <see cref="Progress{T}"/>, whose handler (and ProgressChanged
        /// subscribers) are awaited. A handler that never runs (a blocked UI thread) is abandoned with
        /// <paramref name="cancellationToken"/>.
        /// </summary>
        /// <typeparam name="T">The progress value type.</typeparam>
        /// <param name="progress">The receiver; null reports nothing.</param>
        /// <param name="value">The value to report.</param>
        /// <param name="cancellationToken">Stops waiting for the handler.</param>
        /// <returns>A task that completes when the handler has run.</returns>
        public static Task ReportAsync<T>(IProgress<T>? progress, T value, CancellationToken cancellationToken)
        {
            if (progress is null)
            {
                return Task.CompletedTask;
            }

            // A subclass may override OnReport and never raise ProgressChanged: it gets the plain call.
            if (progress.GetType() != typeof(Progress<T>))
            {
                progress.Report(value);
                return Task.CompletedTask;
            }

            var posting = (Progress<T>)progress;
            var handled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            EventHandler<T> onHandled = (_, reported) =>
            {
                if (EqualityComparer<T>.Default.Equals(reported, value))
                {
                    handled.TrySetResult(true);
                }
            };

            // Progress<T> runs its handler, then ProgressChanged, in one posted callback: this subscriber runs last.
            posting.ProgressChanged += onHandled;
            progress.Report(value);
            return WaitAsync(posting, onHandled, handled, cancellationToken);
        }

        private static async Task WaitAsync<T>(Progress<T> posting, EventHandler<T> onHandled, TaskCompletionSource<bool> handled, CancellationToken cancellationToken)
        {
            try
            {
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
}
