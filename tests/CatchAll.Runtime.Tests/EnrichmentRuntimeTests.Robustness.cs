using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.Runtime.Tests;

/// <summary>What one record, one handler or one caller must not be able to do to the others.</summary>
public sealed partial class EnrichmentRuntimeTests
{
    [Fact]
    public void The_empty_unknown_fields_every_record_shares_cannot_be_changed()
    {
        var first = DealSet.Instance.Enrich("x", "r1", "T", null, null);

        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, JsonElement>)first.UnknownFields).Add("leak", default));
        Assert.Empty(DealSet.Instance.Enrich("y", "r2", "T", null, null).UnknownFields);
    }

    [Fact]
    public async Task A_reader_that_throws_fails_the_awaited_report_instead_of_the_process()
    {
        var target = new Progress<IReadOnlyList<EnrichedRecord<string, Deal>>>(_ => { });
        var adapted = EnrichmentProgress.Adapt<string, Deal>(target, _ => throw new InvalidOperationException("bad reader"), TimeProvider.System, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ProgressReporting.ReportAsync(adapted, new[] { "a" }, CancellationToken.None));
        Assert.Equal("bad reader", error.Message);
    }

    [Fact]
    public async Task The_wait_on_a_progress_handler_runs_on_the_clients_clock()
    {
        // A handler posted to a context that never runs it: the report waits for it on the clock it was given.
        var clock = new CountingClock();
        Progress<IReadOnlyList<EnrichedRecord<string, Deal>>> target;
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new NeverRuns());
        try
        {
            target = new Progress<IReadOnlyList<EnrichedRecord<string, Deal>>>(_ => { });
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }

        var adapted = EnrichmentProgress.Adapt<string, Deal>(target, r => DealSet.Instance.Enrich(r, r, r, null, null), clock, CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var report = ProgressReporting.ReportAsync(adapted, new[] { "a" }, stop.Token);

        Assert.Equal(1, clock.Timers);
        Assert.False(report.IsCompleted);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => report);
    }

    private sealed class NeverRuns : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }
    }

    private sealed class CountingClock : TimeProvider
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
