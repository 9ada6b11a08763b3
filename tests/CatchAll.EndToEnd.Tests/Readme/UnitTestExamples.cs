using System;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Models;
using NSubstitute;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Readme;

/// <summary>The README's "Testing your code" unit-test examples; ReadmeExampleTests keeps the two the same.</summary>
public sealed class UnitTestExamples
{
    #region README subclass
    // Overrides the one call the code under test makes; the generated helpers run on top of it.
    public sealed class FinishedJobs : JobsClient
    {
        public override Task<StatusResponse> GetJobStatusAsync(Guid jobId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(CatchAllModelFactory.StatusResponse(jobId: jobId, status: PublicJobStatus.Completed));
    }

    [Fact]
    public async Task Waiting_ends_when_the_job_completes()
    {
        IJobsClient jobs = new FinishedJobs();

        var status = await jobs.WaitForCompletionAsync(Guid.NewGuid());

        Assert.Equal(PublicJobStatus.Completed, status.Status);
    }
    #endregion

    #region README mocking-library
    [Fact]
    public async Task A_failed_job_throws_JobFailedException()
    {
        var jobId = Guid.NewGuid();
        var jobs = Substitute.For<IJobsClient>();
        jobs.GetJobStatusAsync(jobId, Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(CatchAllModelFactory.StatusResponse(jobId: jobId, status: PublicJobStatus.Failed));

        await Assert.ThrowsAsync<JobFailedException>(() => jobs.WaitForCompletionAsync(jobId));
    }
    #endregion
}
