using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>The generated XxxAllAsync pagers over real pages served by the emulator.</summary>
public sealed class PagingTests : IAsyncLifetime
{
    private const int JobCount = 7;
    private const int PageSize = 3;
    private const string UserJobsPath = "/catchAll/jobs/user";

    private readonly HashSet<Guid> _jobIds = [];
    private readonly SteppingTimeProvider _time = new(EmulatorSession.FakeStart);
    private EmulatorSession _session = null!;

    private CatchAllClient Client => _session.Client;

    public async Task InitializeAsync()
    {
        _session = await EmulatorSession.StartOnFakeClockAsync(_time);
        for (var i = 0; i < JobCount; i++)
        {
            _jobIds.Add((await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = $"Funding rounds, batch {i}", Limit = 10 })).JobId);
        }

        _session.Http.Clear();
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task GetUserJobsAllAsync_yields_every_job_exactly_once_across_pages()
    {
        var seen = new List<Guid>();
        await foreach (var job in Client.Jobs.GetUserJobsAllAsync(pageSize: PageSize))
        {
            seen.Add(job.JobId);
        }

        Assert.Equal(JobCount, seen.Count);
        Assert.Equal(_jobIds, seen.ToHashSet());

        // 7 jobs at 3 a page: pages 1..3, and no request for a page after the last one.
        Assert.Equal(
            ["?page=1&page_size=3", "?page=2&page_size=3", "?page=3&page_size=3"],
            _session.Http.To("GET", UserJobsPath).Select(r => r.Query));
    }

    [Fact]
    public async Task Pages_are_fetched_only_when_enumeration_reaches_them()
    {
        var pager = Client.Jobs.GetUserJobsAllAsync(pageSize: PageSize);
        Assert.Empty(_session.Http.Requests);

        await foreach (var job in pager)
        {
            Assert.Contains(job.JobId, _jobIds);
            break;
        }

        Assert.Equal(["?page=1&page_size=3"], _session.Http.To("GET", UserJobsPath).Select(r => r.Query));
    }

    [Fact]
    public async Task AsPages_exposes_the_page_envelopes()
    {
        var sizes = new List<int>();
        var totals = new HashSet<int>();
        await foreach (var page in Client.Jobs.GetUserJobsAllAsync(pageSize: PageSize).AsPages())
        {
            sizes.Add(page.Jobs.Count);
            totals.Add(page.Total);
            Assert.Equal(3, page.TotalPages);
        }

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal([JobCount], totals);
    }

    [Fact]
    public async Task GetJobResultsAllAsync_yields_every_record_of_a_finished_job_once()
    {
        var jobId = _jobIds.First();
        _time.Advance(TimeSpan.FromMinutes(14));
        var whole = await Client.Jobs.GetJobResultsAsync(jobId, pageSize: 100);
        Assert.Equal("completed", whole.Status);
        Assert.Equal(10, whole.AllRecords!.Count);
        _session.Http.Clear();

        var streamed = new List<string>();
        await foreach (var record in Client.Jobs.GetJobResultsAllAsync(jobId, pageSize: 4))
        {
            streamed.Add(record.RecordId);
        }

        Assert.Equal(whole.AllRecords.Select(r => r.RecordId), streamed);
        Assert.Equal(
            ["?page=1&page_size=4", "?page=2&page_size=4", "?page=3&page_size=4"],
            _session.Http.To("GET", "/catchAll/pull/" + jobId).Select(r => r.Query));
    }
}
