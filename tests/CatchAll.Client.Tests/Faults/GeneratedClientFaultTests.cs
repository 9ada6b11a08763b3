using System;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Models;
using CatchAll.Runtime;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Client.Tests.Faults;

/// <summary>
/// Issue 10's hostile-server defects through the generated client, over the runtime suite's raw fault server:
/// what a user calling <c>client.Jobs...</c> meets.
/// </summary>
public sealed class GeneratedClientFaultTests
{
    private const string ApiKey = "ck_test_9f2c41d7";
    private const string JobId = "5f0c9087-85cb-4917-b3c7-e5a5eff73a0c";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(100);

    [Fact]
    public async Task A_redirect_to_another_origin_never_carries_the_key_there()
    {
        await using var elsewhere = FaultServer.Start(Fault.Json("{\"job_id\":\"" + JobId + "\",\"status\":\"completed\"}"));
        await using var server = FaultServer.Start(new Fault { Status = 302 }.With("Location", new Uri(elsewhere.BaseAddress, "/catchAll/status/" + JobId).ToString()));
        using var client = Client(server);

        var exception = await Assert.ThrowsAsync<RedirectRefusedException>(() => client.Jobs.GetJobStatusAsync(Guid.Parse(JobId)));

        Assert.Equal("getJobStatus", exception.OperationId);
        Assert.Equal(0, elsewhere.RequestCount);
    }

    [Fact]
    public async Task A_server_ignoring_the_page_number_stops_the_generated_pager()
    {
        const string Page = "{\"total\":47,\"page\":1,\"page_size\":10,\"total_pages\":5,\"jobs\":[{\"job_id\":\"" + JobId + "\",\"query\":\"q\",\"created_at\":\"2026-02-01T14:30:00Z\",\"status\":\"completed\"}]}";
        await using var server = FaultServer.Start(Fault.Json(Page));
        using var client = Client(server);

        var items = 0;
        var exception = await Assert.ThrowsAsync<CatchAllPagingException>(async () =>
        {
            await foreach (var job in client.Jobs.GetUserJobsAllAsync())
            {
                Assert.True(++items < 10, "Paging did not stop.");
            }
        });

        Assert.Equal(1, items);
        Assert.Equal("getUserJobs", exception.OperationId);
        Assert.Equal(2, exception.PageNumber);
    }

    [Fact]
    public async Task A_job_wait_rides_out_six_503s_in_a_row()
    {
        var polls = 0;
        await using var server = FaultServer.Start((_, _) => Interlocked.Increment(ref polls) <= 6
            ? Fault.Json("{\"detail\":\"Service Unavailable\"}", 503)
            : Fault.Json("{\"job_id\":\"" + JobId + "\",\"status\":\"completed\"}"));
        var clock = new IntervalClock(TimeSpan.FromSeconds(30), ignore: CallTimeout);
        using var client = Client(server, clock);

        var wait = client.Jobs.WaitForCompletionAsync(Guid.Parse(JobId));
        await clock.DriveAsync(wait);

        var status = await wait;
        Assert.Equal(PublicJobStatus.Completed, status.Status);
        Assert.Equal(7, server.RequestCount);
    }

    [Fact]
    public async Task A_job_wait_gives_up_with_the_503_once_the_outage_outlasts_the_tolerance()
    {
        await using var server = FaultServer.Start(Fault.Json("{\"detail\":\"Service Unavailable\"}", 503));
        var clock = new IntervalClock(TimeSpan.FromSeconds(30), ignore: CallTimeout);
        using var client = Client(server, clock);

        var wait = client.Jobs.WaitForCompletionAsync(Guid.Parse(JobId), new PollingOptions { TransientFailureTolerance = TimeSpan.FromMinutes(1) });
        await clock.DriveAsync(wait);

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(() => wait);
        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(3, server.RequestCount);
    }

    private static CatchAllClient Client(FaultServer server, TimeProvider? clock = null) => new(new CatchAllClientOptions
    {
        ApiKey = ApiKey,
        BaseAddress = server.BaseAddress,
        Retry = new RetryOptions { MaxAttempts = 1 },
        Timeout = CallTimeout,
        TimeProvider = clock ?? TimeProvider.System,
    });
}
