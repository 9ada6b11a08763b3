using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>
/// The partial-results wait (review findings): each poll used to walk every page again (quadratic traffic), and a
/// paging guard error ended the whole wait. Driven through <see cref="Poller"/> and <see cref="NewItemReporter{TPage, TItem}"/>
/// as the generated wait does, against a loopback server whose result grows between polls.
/// </summary>
public class PartialResultsPagingTests
{
    private const int PageSize = 2;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Each_poll_resumes_at_the_last_page_with_items_instead_of_reading_every_page_again()
    {
        var world = new GrowingResult();
        await using var server = FaultServer.Start((request, _) => world.Page(request));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var batches = new List<IReadOnlyList<string>>();
        var reporter = new NewItemReporter<JobDto, string>(id => id, new SyncProgress<IReadOnlyList<string>>(batches));
        int[] available = { 3, 5, 5, 9 };
        var pagesPerPoll = new List<int[]>();
        var time = new RecordingTimeProvider();
        var polls = 0;

        var wait = Wait(
            async token =>
            {
                var poll = polls++;
                if (poll == available.Length)
                {
                    return "completed";
                }

                world.Available = available[poll];
                var before = server.RequestCount;
                await reporter.ReportNewAsync(Pager(pipeline), token);
                pagesPerPoll.Add(server.Requests.Skip(before).Select(PageNumber).ToArray());
                return "enriching";
            },
            new PollingOptions { Interval = Interval },
            time);
        for (var poll = 1; poll <= available.Length; poll++)
        {
            await time.WaitForTimerAsync(poll);
            time.Advance(Interval);
        }

        Assert.Equal("completed", await Eventually.Completes(wait));

        // Pages of two: 3 records fill pages 1-2; then page 2 grows and page 3 appears; nothing new; pages 3-5.
        // Reading everything each time would have been 1-2, 1-3, 1-3, 1-5: 13 requests instead of 8.
        Assert.Equal(
            new[] { "1,2", "2,3", "3", "3,4,5" },
            pagesPerPoll.Select(pages => string.Join(",", pages)));
        Assert.Equal(
            new[] { "r1 r2", "r3", "r4", "r5", "r6", "r7 r8", "r9" },
            batches.Select(batch => string.Join(" ", batch)));
    }

    [Fact]
    public async Task A_paging_guard_error_mid_wait_is_ridden_out_like_a_transient_failure()
    {
        var world = new GrowingResult { Available = 4 };
        await using var server = FaultServer.Start((request, _) => world.Page(request));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var batches = new List<IReadOnlyList<string>>();
        var reporter = new NewItemReporter<JobDto, string>(id => id, new SyncProgress<IReadOnlyList<string>>(batches));
        var time = new RecordingTimeProvider();
        var polls = 0;

        var wait = Wait(
            async token =>
            {
                var poll = polls++;
                if (poll == 2)
                {
                    return "completed";
                }

                // The first poll meets a server that answers page 2 with page 1's bytes; by the next it has recovered.
                world.RepeatFirstPage = poll == 0;
                await reporter.ReportNewAsync(Pager(pipeline), token);
                return "enriching";
            },
            new PollingOptions { Interval = Interval },
            time);
        for (var step = 1; step <= 2; step++)
        {
            await time.WaitForTimerAsync(step);
            time.Advance(Interval);
        }

        Assert.Equal("completed", await Eventually.Completes(wait));
        Assert.Equal(new[] { "r1 r2", "r3 r4" }, batches.Select(batch => string.Join(" ", batch)));
    }

    [Fact]
    public async Task A_paging_guard_error_that_outlasts_the_tolerance_ends_the_wait_with_it()
    {
        var world = new GrowingResult { Available = 4, RepeatFirstPage = true };
        await using var server = FaultServer.Start((request, _) => world.Page(request));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var reporter = new NewItemReporter<JobDto, string>(id => id, new SyncProgress<IReadOnlyList<string>>(new List<IReadOnlyList<string>>()));

        var wait = Wait(
            async token =>
            {
                await reporter.ReportNewAsync(Pager(pipeline), token);
                return "enriching";
            },
            new PollingOptions { Interval = Interval, TransientFailureTolerance = TimeSpan.Zero },
            new RecordingTimeProvider());

        var exception = await Eventually.Completes(Assert.ThrowsAsync<CatchAllPagingException>(() => wait));
        Assert.Equal(2, exception.PageNumber);
    }

    private static Task<string> Wait(Func<CancellationToken, Task<string>> poll, PollingOptions options, TimeProvider time) =>
        Poller.PollAsync(
            poll,
            status => status == "completed" ? PollOutcome.Succeeded : PollOutcome.Continue,
            status => new InvalidOperationException(status),
            options,
            time,
            null,
            CancellationToken.None);

    private static int PageNumber(FaultRequest request) =>
        int.Parse(request.Target.Split("page=")[1], CultureInfo.InvariantCulture);

    private static AsyncPageable<JobDto, string> Pager(CatchAllPipeline pipeline) =>
        new(
            async (number, token) =>
            {
                var request = new ApiRequest(HttpMethod.Get, "pullJob");
                request.AppendPath("/jobs/j/results");
                request.AddQuery("page", number.ToString(CultureInfo.InvariantCulture));
                return (await pipeline.SendAsync(request, TestJson.Default.JobDto, null, token)).Value;
            },
            page => page.Tags,
            page => page.Count);

    /// <summary>Records r1, r2, … appended over time, served in pages of two with the page count (as <c>count</c>).</summary>
    private sealed class GrowingResult
    {
        private int _available;
        private int _repeat;

        public int Available
        {
            get => Volatile.Read(ref _available);
            set => Volatile.Write(ref _available, value);
        }

        public bool RepeatFirstPage
        {
            get => Volatile.Read(ref _repeat) == 1;
            set => Volatile.Write(ref _repeat, value ? 1 : 0);
        }

        public Fault Page(FaultRequest request)
        {
            var number = RepeatFirstPage ? 1 : PageNumber(request);
            var available = Available;
            var pages = (available + PageSize - 1) / PageSize;
            var tags = string.Join(",", Enumerable.Range((number - 1) * PageSize + 1, PageSize).Where(i => i <= available).Select(i => "\"r" + i + "\""));
            return Fault.Json("{\"id\":\"p" + number + "\",\"count\":" + pages + ",\"tags\":[" + tags + "]}");
        }
    }

    private sealed class SyncProgress<T>(List<T> items) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (items)
            {
                items.Add(value);
            }
        }
    }
}
