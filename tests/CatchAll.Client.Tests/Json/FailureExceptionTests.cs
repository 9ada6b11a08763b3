using System.Text.Json;
using CatchAll.Models;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>JobFailedException carries what the failing status says: the step it stopped at and any error text.</summary>
public sealed class FailureExceptionTests
{
    [Fact]
    public void The_failed_step_and_an_undeclared_error_member_of_the_status_reach_the_exception()
    {
        var status = JsonSerializer.Deserialize(
            """
            {"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"failed","error":"source quota exhausted",
             "steps":[{"status":"submitted","order":1,"completed":true},{"status":"analyzing","order":2,"completed":true},
                      {"status":"fetching","order":3,"completed":false},{"status":"failed","order":7,"completed":false}]}
            """,
            CatchAllClientJson.StatusResponse)!;

        var failure = new JobFailedException("5f0c9087-85cb-4917-b3c7-e5a5eff73a0c", "failed", status);

        Assert.Equal("fetching", failure.FailedStep);
        Assert.Equal("source quota exhausted", failure.Error);
        Assert.Same(status, failure.Result);
        Assert.Equal("Job 5f0c9087-85cb-4917-b3c7-e5a5eff73a0c ended with status 'failed' at step 'fetching': source quota exhausted", failure.Message);
    }

    [Fact]
    public void A_status_without_steps_or_error_gives_the_plain_message()
    {
        var status = JsonSerializer.Deserialize("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"failed"}""", CatchAllClientJson.StatusResponse)!;

        var failure = new JobFailedException("j", "failed", status);

        Assert.Null(failure.FailedStep);
        Assert.Null(failure.Error);
        Assert.Equal("Job j ended with status 'failed'.", failure.Message);
    }
}
