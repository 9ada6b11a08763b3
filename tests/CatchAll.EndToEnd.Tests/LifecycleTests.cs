using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// The generated wait helpers against the emulator, with the emulator and the client on one fake clock.
/// Stages last exactly 10 s of API time and the client polls every 5 s, so each stage is seen twice
/// and the clock is moved from poll to poll by <see cref="SteppingTimeProvider.DriveAsync{T}"/>.
/// </summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan Stage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly PublicJobStatus[] AllStages =
    [
        PublicJobStatus.Submitted,
        PublicJobStatus.Analyzing,
        PublicJobStatus.Fetching,
        PublicJobStatus.Clustering,
        PublicJobStatus.Enriching,
        PublicJobStatus.Completed,
    ];

    private readonly SteppingTimeProvider _time = new(EmulatorSession.FakeStart);
    private EmulatorSession _session = null!;

    private CatchAllClient Client => _session.Client;

    public async Task InitializeAsync() => _session = await StartAsync(enriching: Stage);

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task SubmitAndWait_reports_every_stage_in_order_and_returns_the_completed_status()
    {
        var progress = new SyncProgress<StatusResponse>();

        var wait = Client.Jobs.SubmitAndWaitAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 }, Polling(), progress);
        var final = await _time.DriveAsync(wait, _session.Http, Interval);

        Assert.Equal(PublicJobStatus.Completed, final.Status);
        Assert.All(final.Steps!.Where(s => s.Status != PublicJobStatus.Failed), s => Assert.True(s.Completed, s.Status + " not marked completed"));
        Assert.All(progress.Reports, r => Assert.Equal(final.JobId, r.JobId));
        Assert.Equal(AllStages, Collapse(progress.Reports.Select(r => r.Status!.Value)));
        Assert.Same(final, progress.Reports[^1]);

        // Exactly one poll per interval from submission to completion: 5 stages of 10 s, polled every 5 s.
        Assert.Equal(EmulatorSession.FakeStart + 5 * Stage, _time.GetUtcNow());
        Assert.Equal(11, _session.Http.Requests.Count(r => r.Path.StartsWith("/catchAll/status/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Partial_results_arrive_while_enriching_as_new_records_each_reported_once()
    {
        await using var session = await StartAsync(enriching: TimeSpan.FromSeconds(60));
        var jobId = (await session.Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Data center construction announcements in Europe", Limit = 10 })).JobId;
        var partials = new SyncProgress<IReadOnlyList<CatchAll.Models.Record>>();
        var statuses = new SyncProgress<StatusResponse>();

        var wait = session.Client.Jobs.WaitForCompletionWithPartialResultsAsync(jobId, partials, Polling(), statuses);
        var final = await _time.DriveAsync(wait, session.Http, Interval);

        Assert.Equal(PublicJobStatus.Completed, final.Status);
        var reports = partials.Reports;

        // Records grow over the enriching polls: several batches, none empty, no record twice.
        Assert.True(reports.Count >= 2, $"{reports.Count} batch(es) of new records over {statuses.Reports.Count(s => s.Status == PublicJobStatus.Enriching)} enriching polls");
        Assert.All(reports, batch => Assert.NotEmpty(batch));
        var ids = reports.SelectMany(batch => batch).Select(r => r.RecordId).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);

        var complete = await session.Client.Jobs.GetJobResultsAsync(jobId);
        Assert.Subset<string>(complete.AllRecords!.Select(r => r.RecordId).ToHashSet(), ids.ToHashSet());
    }

    [Fact]
    public async Task Partial_results_beyond_the_first_page_are_reported_once_across_pages_and_polls()
    {
        // A news-heavy world, so that a job finds more records than the server's default page of 100.
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                TimeProvider = _time,
                TimeScale = 1,
                StageJitter = 0,
                EventsPerTopicPerDay = 400,
                StageDurations = new JobStageDurations { Submitted = Stage, Analyzing = Stage, Fetching = Stage, Clustering = Stage, Enriching = TimeSpan.FromSeconds(60) },
            },
            options => options.TimeProvider = _time);
        var jobId = (await session.Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 250 })).JobId;
        var events = new SyncProgress<object>();

        var wait = session.Client.Jobs.WaitForCompletionWithPartialResultsAsync(jobId, new ForwardProgress<IReadOnlyList<CatchAll.Models.Record>>(events), Polling(), new ForwardProgress<StatusResponse>(events));
        await _time.DriveAsync(wait, session.Http, Interval);

        // New records come before the status report of the poll that found them.
        var batches = events.Reports.OfType<IReadOnlyList<CatchAll.Models.Record>>().ToList();
        var polls = events.Reports.OfType<StatusResponse>().Count(s => s.Status == PublicJobStatus.Enriching);
        var ids = batches.SelectMany(b => b).Select(r => r.RecordId).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.True(ids.Count > 100, $"only {ids.Count} records were reported: the pages after the first were not walked");
        Assert.True(batches.Count >= 2 && polls >= 2, $"{batches.Count} batches over {polls} polls");

        // Each poll resumes at the last page that had items rather than reading every page again: a poll never
        // starts more than one page before where the previous one ended, and page 1 is not read again once page 2
        // has records (reading everything each time made the traffic quadratic in the number of pages).
        var pagesPerPoll = PullPagesPerPoll(session.Http.Requests, jobId);
        Assert.True(pagesPerPoll.Count >= 2, $"pulls in {pagesPerPoll.Count} polls");
        for (var poll = 1; poll < pagesPerPoll.Count; poll++)
        {
            Assert.True(
                pagesPerPoll[poll].Min() >= pagesPerPoll[poll - 1].Max() - 1,
                $"poll {poll + 1} read pages {string.Join(",", pagesPerPoll[poll])} after poll {poll} read {string.Join(",", pagesPerPoll[poll - 1])}");
        }

        Assert.True(pagesPerPoll[^1].Min() > 1, $"the last poll read pages {string.Join(",", pagesPerPoll[^1])}");

        var all = new HashSet<string>();
        await foreach (var record in session.Client.Jobs.GetJobResultsAllAsync(jobId))
        {
            all.Add(record.RecordId);
        }

        Assert.Subset<string>(all, ids.ToHashSet());
    }

    /// <summary>The page numbers of the job's pull requests, grouped by the status poll they followed.</summary>
    private static List<int[]> PullPagesPerPoll(IReadOnlyList<RecordedCall> requests, Guid jobId)
    {
        var polls = new List<int[]>();
        var current = new List<int>();
        foreach (var request in requests)
        {
            if (request.Path == "/catchAll/status/" + jobId)
            {
                if (current.Count > 0)
                {
                    polls.Add(current.ToArray());
                }

                current.Clear();
            }
            else if (request.Path == "/catchAll/pull/" + jobId)
            {
                var page = System.Web.HttpUtility.ParseQueryString(request.Query)["page"];
                current.Add(page is null ? 1 : int.Parse(page, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (current.Count > 0)
        {
            polls.Add(current.ToArray());
        }

        return polls;
    }

    /// <summary>Funnels two progress types into one ordered log.</summary>
    private sealed class ForwardProgress<T>(SyncProgress<object> log) : IProgress<T>
        where T : notnull
    {
        public void Report(T value) => log.Report(value);
    }

    [Fact]
    public async Task A_failed_job_ends_the_wait_with_JobFailedException_carrying_the_status()
    {
        _session.Emulator.Faults.FailNextJob("Job failed: injected for the end-to-end test");
        var progress = new SyncProgress<StatusResponse>();

        var wait = Client.Jobs.SubmitAndWaitAsync(new SubmitRequest { Query = "Layoffs at logistics companies", Limit = 10 }, Polling(), progress);
        var failure = await Assert.ThrowsAsync<JobFailedException>(() => _time.DriveAsync(wait, _session.Http, Interval));

        Assert.Equal("failed", failure.Status);
        Assert.Equal(PublicJobStatus.Failed, failure.Result.Status);
        Assert.Equal(failure.Result.JobId.ToString(), failure.ResourceId);
        Assert.Equal("getJobStatus", failure.OperationId);
        Assert.Contains(failure.ResourceId, failure.Message, StringComparison.Ordinal);

        // The status's steps say where it failed; the status itself carries no error text.
        Assert.Equal("fetching", failure.FailedStep);
        Assert.Contains("at step 'fetching'", failure.Message, StringComparison.Ordinal);
        Assert.Null(failure.Error);

        // The emulator fails an injected job halfway through fetching: the wait saw the early stages, then failed.
        Assert.Equal(
            [PublicJobStatus.Submitted, PublicJobStatus.Analyzing, PublicJobStatus.Fetching, PublicJobStatus.Failed],
            Collapse(progress.Reports.Select(r => r.Status!.Value)));
        var pulled = await Client.Jobs.GetJobResultsAsync(failure.Result.JobId);
        Assert.Equal("failed", pulled.Status);
        Assert.Equal("Job failed: injected for the end-to-end test", pulled.Error);
    }

    [Fact]
    public async Task Cancelling_a_wait_stops_it_promptly_without_the_clock_moving()
    {
        var jobId = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Acquisitions of cybersecurity startups", Limit = 10 })).JobId;
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress<StatusResponse>();

        var wait = Client.Jobs.WaitForCompletionAsync(jobId, Polling(), progress, cancel.Token);

        // Let the first poll finish and the helper start its 5 s sleep; the clock is never advanced.
        await SteppingTimeProvider.WaitUntilAsync(() => progress.Reports.Count == 1 && _time.NextDueWithin(Interval) is not null, "the first poll and the interval timer");
        var before = _time.GetUtcNow();
        cancel.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(cancel.Token, cancelled.CancellationToken);
        Assert.Equal(before, _time.GetUtcNow());
        Assert.Single(progress.Reports);
        Assert.Single(_session.Http.Requests, r => r.Path == "/catchAll/status/" + jobId);
    }

    [Fact]
    public async Task ContinueAndWait_raises_the_limit_of_a_completed_job_and_waits_for_the_new_records()
    {
        var first = await _time.DriveAsync(
            Client.Jobs.SubmitAndWaitAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 }, Polling()),
            _session.Http,
            Interval);
        var before = await Client.Jobs.GetJobResultsAsync(first.JobId);
        Assert.Equal(10, before.Limit);
        Assert.Equal(10, before.AllRecords!.Count);
        var progress = new SyncProgress<StatusResponse>();

        var wait = Client.Jobs.ContinueAndWaitAsync(new ContinueRequest { JobId = first.JobId, NewLimit = 25 }, Polling(), progress);
        var final = await _time.DriveAsync(wait, _session.Http, Interval);

        Assert.Equal(first.JobId, final.JobId);
        Assert.Equal(PublicJobStatus.Completed, final.Status);
        Assert.Equal([PublicJobStatus.Enriching, PublicJobStatus.Completed], Collapse(progress.Reports.Select(r => r.Status!.Value)));
        var after = await Client.Jobs.GetJobResultsAsync(first.JobId);
        Assert.Equal(25, after.Limit);
        Assert.True(after.AllRecords!.Count > before.AllRecords.Count, $"continuing found no new records ({before.AllRecords.Count} -> {after.AllRecords.Count})");
        Assert.Subset(after.AllRecords.Select(r => r.RecordId).ToHashSet(), before.AllRecords.Select(r => r.RecordId).ToHashSet());
    }

    [Fact]
    public async Task A_polling_timeout_ends_the_wait_with_CatchAllTimeoutException()
    {
        var jobId = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Product recalls in the food industry", Limit = 10 })).JobId;
        var polling = new PollingOptions { Interval = Interval, Timeout = TimeSpan.FromSeconds(22), OperationId = "getJobStatus" };

        var wait = Client.Jobs.WaitForCompletionAsync(jobId, polling);
        var timeout = await Assert.ThrowsAsync<CatchAllTimeoutException>(() => _time.DriveAsync(wait, _session.Http, Interval));

        Assert.Equal(TimeSpan.FromSeconds(22), timeout.Timeout);
        Assert.Equal("getJobStatus", timeout.OperationId);
        Assert.Equal(EmulatorSession.FakeStart + TimeSpan.FromSeconds(22), _time.GetUtcNow());
        Assert.Equal(PublicJobStatus.Fetching, (await Client.Jobs.GetJobStatusAsync(jobId)).Status);
    }

    [Fact]
    public async Task A_polling_timeout_names_the_polled_operation_even_with_caller_polling_options()
    {
        var jobId = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Product recalls in the food industry", Limit = 10 })).JobId;

        // A caller sets interval and timeout; nothing says it must also know the helper's operation name.
        var wait = Client.Jobs.WaitForCompletionAsync(jobId, new PollingOptions { Interval = Interval, Timeout = TimeSpan.FromSeconds(12) });
        var timeout = await Assert.ThrowsAsync<CatchAllTimeoutException>(() => _time.DriveAsync(wait, _session.Http, Interval));

        Assert.Equal("getJobStatus", timeout.OperationId);
    }

    [Fact]
    public async Task A_dataset_is_waited_for_until_ready()
    {
        var entity = await Client.Entities.CreateEntityAsync(new CreateEntityRequest { Name = "Acme Robotics", EntityType = EntityType.Company });
        var dataset = await Client.Datasets.CreateDatasetAsync(new CreateDatasetRequest { Name = "Robotics watchlist", EntityIds = [entity.Id] });
        Assert.Equal(DatasetStatus.Pending, dataset.LatestStatus);
        var progress = new SyncProgress<DatasetResponse>();

        var wait = Client.Datasets.WaitUntilReadyAsync(dataset.Id, Polling(), progress);
        var ready = await _time.DriveAsync(wait, _session.Http, Interval);

        Assert.Equal(dataset.Id, ready.Id);
        Assert.Equal(DatasetStatus.Ready, ready.LatestStatus);
        Assert.Equal(
            [DatasetStatus.Pending, DatasetStatus.Enriching, DatasetStatus.Ready],
            Collapse(progress.Reports.Select(r => r.LatestStatus!.Value)));
        Assert.Equal(EntityStatus.Ready, (await Client.Entities.GetEntityAsync(entity.Id)).Status);
    }

    [Fact]
    public async Task Without_an_interval_a_job_wait_polls_every_30_seconds_as_the_spec_declares()
    {
        var jobId = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 })).JobId;
        var polls = new PollClock<StatusResponse>(_time);

        var final = await _time.DriveAsync(Client.Jobs.WaitForCompletionAsync(jobId, progress: polls), _session.Http, TimeSpan.FromSeconds(30));

        Assert.Equal(PublicJobStatus.Completed, final.Status);
        Assert.True(polls.Gaps.Count >= 1, "the job completed at the first poll");
        Assert.All(polls.Gaps, gap => Assert.Equal(TimeSpan.FromSeconds(30), gap));
    }

    [Fact]
    public async Task Options_that_set_only_a_timeout_keep_the_datasets_declared_5_second_interval()
    {
        var entity = await Client.Entities.CreateEntityAsync(new CreateEntityRequest { Name = "Acme Robotics", EntityType = EntityType.Company });
        var dataset = await Client.Datasets.CreateDatasetAsync(new CreateDatasetRequest { Name = "Robotics watchlist", EntityIds = [entity.Id] });
        var polls = new PollClock<DatasetResponse>(_time);

        var wait = Client.Datasets.WaitUntilReadyAsync(dataset.Id, new PollingOptions { Timeout = TimeSpan.FromMinutes(10) }, polls);
        var ready = await _time.DriveAsync(wait, _session.Http, TimeSpan.FromSeconds(30));

        Assert.Equal(DatasetStatus.Ready, ready.LatestStatus);
        Assert.True(polls.Gaps.Count >= 1, "the dataset was ready at the first poll");
        Assert.All(polls.Gaps, gap => Assert.Equal(TimeSpan.FromSeconds(5), gap));
    }

    /// <summary>The fake-clock instant of every poll, and the gaps between them.</summary>
    private sealed class PollClock<T>(SteppingTimeProvider time) : IProgress<T>
    {
        private readonly List<DateTimeOffset> _at = [];

        public IReadOnlyList<TimeSpan> Gaps
        {
            get
            {
                lock (_at)
                {
                    return _at.Zip(_at.Skip(1), (a, b) => b - a).ToList();
                }
            }
        }

        public void Report(T value)
        {
            lock (_at)
            {
                _at.Add(time.GetUtcNow());
            }
        }
    }

    [Fact]
    public async Task A_failed_dataset_ends_the_wait_with_DatasetFailedException()
    {
        _session.Emulator.Faults.FailNextDatasets();
        var entity = await Client.Entities.CreateEntityAsync(new CreateEntityRequest { Name = "Acme Robotics", EntityType = EntityType.Company });
        var dataset = await Client.Datasets.CreateDatasetAsync(new CreateDatasetRequest { Name = "Robotics watchlist", EntityIds = [entity.Id] });

        var wait = Client.Datasets.WaitUntilReadyAsync(dataset.Id, Polling());
        var failure = await Assert.ThrowsAsync<DatasetFailedException>(() => _time.DriveAsync(wait, _session.Http, Interval));

        Assert.Equal("failed", failure.Status);
        Assert.Equal(DatasetStatus.Failed, failure.Result.LatestStatus);
        Assert.Equal(dataset.Id.ToString(), failure.ResourceId);
        Assert.Equal("getDataset", failure.OperationId);
        var history = await Client.Datasets.GetDatasetStatusHistoryAsync(dataset.Id);
        Assert.Equal(DatasetStatus.Failed, history.History[^1].Status);
    }

    private static PollingOptions Polling() => new() { Interval = Interval };

    /// <summary>Consecutive duplicates removed: the stages a sequence of polls went through.</summary>
    private static List<T> Collapse<T>(IEnumerable<T> values)
    {
        var result = new List<T>();
        foreach (var value in values)
        {
            if (result.Count == 0 || !EqualityComparer<T>.Default.Equals(result[^1], value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private Task<EmulatorSession> StartAsync(TimeSpan enriching) => EmulatorSession.StartOnFakeClockAsync(
        _time,
        new JobStageDurations { Submitted = Stage, Analyzing = Stage, Fetching = Stage, Clustering = Stage, Enriching = enriching });
}
