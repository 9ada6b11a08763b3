using System;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Models;
using CatchAll.Runtime;
using NSubstitute;
using Xunit;
using static CatchAll.EndToEnd.Tests.Readme.UnitTestExamples;

namespace CatchAll.EndToEnd.Tests;

/// <summary>
/// Generated clients mock the Azure SDK way: unsealed, virtual members and a protected constructor, so a test
/// subclasses the client it needs (or lets a mocking library do it). The README's examples cover the common case.
/// </summary>
public sealed class MockingTests
{
    [Fact]
    public async Task A_client_built_for_mocking_says_so_when_a_call_it_did_not_override_is_made()
    {
        var jobs = new FinishedJobs();

        var call = await Assert.ThrowsAsync<InvalidOperationException>(() => jobs.CreateJobAsync(new SubmitRequest { Query = "q" }));
        var pipeline = Assert.Throws<InvalidOperationException>(() => jobs.Pipeline);

        Assert.Contains("mocking", call.Message, StringComparison.Ordinal);
        Assert.Equal(call.Message, pipeline.Message);
    }

    [Fact]
    public async Task A_mocking_library_substitutes_the_class_and_the_helpers_run_on_it()
    {
        var jobId = Guid.NewGuid();
        var jobs = Substitute.For<JobsClient>();
        jobs.GetJobStatusAsync(jobId, Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(
                CatchAllModelFactory.StatusResponse(jobId: jobId, status: PublicJobStatus.Enriching),
                CatchAllModelFactory.StatusResponse(jobId: jobId, status: PublicJobStatus.Completed));

        var status = await jobs.WaitForCompletionAsync(jobId, new PollingOptions { Interval = TimeSpan.Zero });

        Assert.Equal(PublicJobStatus.Completed, status.Status);
        await jobs.Received(2).GetJobStatusAsync(jobId, Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Overriding_the_call_with_the_response_serves_the_plain_call_too()
    {
        var jobs = new StatusWithHeaders();

        var status = await jobs.GetJobStatusAsync(Guid.Empty);

        Assert.Equal(PublicJobStatus.Analyzing, status.Status);
    }

    [Fact]
    public async Task The_root_client_subclassed_hands_out_the_fake_resource_and_disposes_without_a_pipeline()
    {
        using var root = new FakeCatchAll(new FinishedJobs());
        ICatchAllClient client = root;

        var status = await client.Jobs.WaitForCompletionAsync(Guid.NewGuid());

        Assert.Equal(PublicJobStatus.Completed, status.Status);
        Assert.Null(root.Monitors);
        Assert.Throws<InvalidOperationException>(() => root.Pipeline);
    }

    private sealed class FakeCatchAll(IJobsClient jobs) : CatchAllClient
    {
        public override IJobsClient Jobs => jobs;
    }

    private sealed class StatusWithHeaders : JobsClient
    {
        public override Task<ApiResponse<StatusResponse>> GetJobStatusWithResponseAsync(Guid jobId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ApiResponse<StatusResponse>(200, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<string>>(), "getJobStatus", CatchAllModelFactory.StatusResponse(jobId: jobId, status: PublicJobStatus.Analyzing)));
    }
}
