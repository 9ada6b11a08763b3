using System;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests;

/// <summary>Review findings on <see cref="ProgressReporting"/>: a throwing handler, and two waits sharing one Progress.</summary>
public class ProgressReportingTests
{
    [Fact]
    public async Task A_handler_that_throws_holds_the_report_up_only_until_the_limit_on_the_clock()
    {
        var context = new SwallowingContext();
        var progress = await CreateOn<string>(context, _ => throw new InvalidOperationException("the handler failed"));
        var clock = new RecordingTimeProvider();

        var report = ProgressReporting.ReportAsync(progress, "enriching", clock, CancellationToken.None);

        // The handler threw, so ProgressChanged never comes: only the limit can end the report.
        await Eventually.TrueAsync(() => context.Failures == 1, "the handler to throw");
        var limit = await clock.WaitForTimerAsync(1);
        Assert.False(report.IsCompleted);
        clock.Advance(limit);
        await Eventually.Completes(report);
    }

    [Fact]
    public async Task Two_waits_sharing_one_Progress_each_wait_for_their_own_report_even_when_the_values_are_equal()
    {
        var first = new string('x', 3);
        var second = new string('x', 3);
        using var release = new ManualResetEventSlim();
        var firstHandled = 0;

        // Off any synchronization context: each report runs on the thread pool, so the second can overtake the first.
        var progress = await Task.Run(() => new Progress<string>(value =>
        {
            if (ReferenceEquals(value, first))
            {
                release.Wait();
                Volatile.Write(ref firstHandled, 1);
            }
        }));
        var clock = new RecordingTimeProvider();

        var firstReport = ProgressReporting.ReportAsync(progress, first, clock, CancellationToken.None);
        var handledWhenFirstReportEnded = firstReport.ContinueWith(_ => Volatile.Read(ref firstHandled), TaskContinuationOptions.ExecuteSynchronously);
        var secondReport = ProgressReporting.ReportAsync(progress, second, clock, CancellationToken.None);
        await Eventually.Completes(secondReport);

        // Gives a report released by the wrong handling the chance to end before its handler runs; correct code
        // passes whatever this wait does, since the first report cannot end before its handler (or the fake clock).
        await Task.WhenAny(firstReport, Task.Delay(100));
        release.Set();

        // The second value equals the first, but its handling says nothing about the first report's: the first report
        // ends only once its own handler has run.
        Assert.Equal(1, await Eventually.Completes(handledWhenFirstReportEnded));
    }

    private static Task<Progress<T>> CreateOn<T>(SynchronizationContext context, Action<T> handler) =>
        Task.Run(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            try
            {
                return new Progress<T>(handler);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(null);
            }
        });

    /// <summary>Runs posted callbacks on the thread pool and keeps what they throw, as a UI framework's handler would.</summary>
    private sealed class SwallowingContext : SynchronizationContext
    {
        private int _failures;

        public int Failures => Volatile.Read(ref _failures);

        public override void Post(SendOrPostCallback d, object? state) =>
            ThreadPool.QueueUserWorkItem(_ =>
            {
                try
                {
                    d(state);
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref _failures);
                }
            });
    }
}
