using System;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.Models;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>HTTP errors from the emulator as the generated client surfaces them.</summary>
public sealed class ErrorTests : IAsyncLifetime
{
    private const string WrongKey = "wrong-key-3f9c1d7e5b2a4c68";

    private EmulatorSession _session = null!;

    private CatchAllClient Client => _session.Client;

    public async Task InitializeAsync() => _session = await EmulatorSession.StartOnRealClockAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Theory]
    [InlineData("getJobStatus")]
    [InlineData("getJobResults")]
    [InlineData("pullMonitorResults")]
    [InlineData("getWebhook")]
    [InlineData("getEntity")]
    [InlineData("getDataset")]
    [InlineData("getProject")]
    public async Task Unknown_ids_raise_NotFoundException_naming_the_operation(string operationId)
    {
        var unknown = Guid.NewGuid();
        Func<Task> call = operationId switch
        {
            "getJobStatus" => () => Client.Jobs.GetJobStatusAsync(unknown),
            "getJobResults" => () => Client.Jobs.GetJobResultsAsync(unknown),
            "pullMonitorResults" => () => Client.Monitors.PullMonitorResultsAsync(unknown),
            "getWebhook" => () => Client.Webhooks.GetWebhookAsync(unknown),
            "getEntity" => () => Client.Entities.GetEntityAsync(unknown),
            "getDataset" => () => Client.Datasets.GetDatasetAsync(unknown),
            "getProject" => () => Client.Projects.GetProjectAsync(unknown),
            _ => throw new ArgumentOutOfRangeException(nameof(operationId)),
        };

        var error = await Assert.ThrowsAsync<NotFoundException>(call);

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(operationId, error.OperationId);
        Assert.Contains(operationId, error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Detail, StringComparison.OrdinalIgnoreCase);

        // 404 is final: one attempt, no retries.
        var request = Assert.Single(_session.Http.Requests);
        Assert.Equal(operationId, SpecOperations.Match(request.Method, request.Path)?.OperationId);
    }

    [Fact]
    public async Task A_limit_below_the_minimum_raises_UnprocessableEntityException_pointing_at_limit()
    {
        var error = await Assert.ThrowsAsync<UnprocessableEntityException>(
            () => Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 5 }));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("createJob", error.OperationId);
        var item = Assert.Single(error.Errors);
        Assert.Contains("limit", item.LocationPath, StringComparison.Ordinal);
        Assert.Equal("body.limit", item.LocationPath);
        Assert.Contains("10", item.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Client.Jobs.GetUserJobsAsync()).Total);
    }

    [Fact]
    public async Task A_wrong_key_raises_ForbiddenException_that_never_shows_the_key()
    {
        using var client = _session.CreateClient(options => options.ApiKey = WrongKey);

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => client.Jobs.GetUserJobsAsync());

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("getUserJobs", error.OperationId);
        Assert.DoesNotContain(WrongKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, error.ResponseBody ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Headers, h => h.Value.Any(v => v.Contains(WrongKey, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_key_on_an_operation_that_answers_401_raises_UnauthorizedException_without_the_key()
    {
        using var client = _session.CreateClient(options => options.ApiKey = WrongKey);

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => client.Jobs.DeleteJobAsync(Guid.NewGuid()));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("deleteJob", error.OperationId);
        Assert.DoesNotContain(WrongKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_injected_503_on_a_GET_is_retried_and_the_call_succeeds()
    {
        var jobId = (await Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 })).JobId;
        _session.Http.Clear();
        _session.Emulator.Faults.FailNextRequests(2, 503, "/catchAll/status/", "GET");

        var status = await Client.Jobs.GetJobStatusAsync(jobId);

        Assert.Equal(jobId, status.JobId);
        Assert.Equal([503, 503, 200], _session.Http.Requests.Select(r => r.StatusCode));
        Assert.Equal(0, _session.Emulator.Faults.PendingRequestFailures);
    }

    [Fact]
    public async Task An_injected_503_on_submit_is_not_retried_by_default()
    {
        _session.Emulator.Faults.FailNextRequests(1, 503, "/catchAll/submit", "POST");

        var error = await Assert.ThrowsAsync<CatchAllApiException>(
            () => Client.Jobs.CreateJobAsync(new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("createJob", error.OperationId);
        Assert.Equal([503], _session.Http.To("POST", "/catchAll/submit").Select(r => r.StatusCode));
        Assert.Equal(0, (await Client.Jobs.GetUserJobsAsync()).Total);
    }

    [Fact]
    public async Task A_submit_opted_into_retries_survives_an_injected_503()
    {
        _session.Emulator.Faults.FailNextRequests(1, 503, "/catchAll/submit", "POST");

        var submitted = await Client.Jobs.CreateJobAsync(
            new SubmitRequest { Query = "Series B funding rounds for SaaS startups", Limit = 10 },
            new RequestOptions { Retry = new RetryOptions { RetryNonIdempotent = true, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) } });

        Assert.Equal([503, 200], _session.Http.To("POST", "/catchAll/submit").Select(r => r.StatusCode));
        Assert.Equal(submitted.JobId, Assert.Single((await Client.Jobs.GetUserJobsAsync()).Jobs).JobId);
    }

    [Fact]
    public async Task An_invalid_entity_raises_BadRequestException_with_the_message_of_the_entity_error_body()
    {
        var error = await Assert.ThrowsAsync<BadRequestException>(() => Client.Entities.CreateEntityAsync(new CreateEntityRequest { Name = string.Empty }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("createEntity", error.OperationId);

        // Entity endpoints answer {message, status, status_code} rather than {detail}; the message is what explains it.
        Assert.Contains("name", error.Detail, StringComparison.Ordinal);
        Assert.Contains(error.Detail!, error.Message, StringComparison.Ordinal);
    }
}
