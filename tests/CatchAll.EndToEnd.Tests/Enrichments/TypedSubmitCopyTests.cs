using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Models;
using NSubstitute;
using Xunit;

namespace CatchAll.EndToEnd.Tests.Enrichments;

/// <summary>
/// A typed submit sends a copy carrying T's enrichments: the caller's request is not touched, not even while the call
/// is in flight, so one request object can serve several concurrent typed submits.
/// </summary>
public sealed class TypedSubmitCopyTests
{
    [Fact]
    public async Task The_callers_request_is_untouched_while_the_call_is_in_flight()
    {
        var request = new SubmitRequest { Query = "Series B rounds for SaaS startups", Limit = 5 };
        request.AdditionalProperties["future_field"] = System.Text.Json.JsonDocument.Parse("{\"a\":1}").RootElement.Clone();
        SubmitRequest? sent = null;
        var enrichmentsDuringCall = "not called";
        var jobs = Substitute.For<IJobsClient>();
        jobs.CreateJobAsync(Arg.Any<SubmitRequest>(), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                sent = call.Arg<SubmitRequest>();
                enrichmentsDuringCall = request.Enrichments is null ? "null" : "set";
                return CatchAllModelFactory.SubmitResponse(jobId: Guid.NewGuid());
            });

        await jobs.CreateJobAsync<FundingRound>(request);

        Assert.Equal("null", enrichmentsDuringCall);
        Assert.Null(request.Enrichments);
        Assert.NotNull(sent);
        Assert.NotSame(request, sent);
        Assert.Equal(FundingRound.Enrichments.Select(e => e.Name), sent!.Enrichments!.Select(e => e.Name));
        Assert.Equal(request.Query, sent.Query);
        Assert.Equal(request.Limit, sent.Limit);
        Assert.Equal(1, sent.AdditionalProperties["future_field"].GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task A_request_that_names_enrichments_is_refused_before_any_call()
    {
        var request = new SubmitRequest { Query = "q", Enrichments = FundingRound.Enrichments.Take(1).ToList() };
        var jobs = Substitute.For<IJobsClient>();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => jobs.CreateJobAsync<FundingRound>(request));
        Assert.Equal("body", exception.ParamName);
        await jobs.DidNotReceiveWithAnyArgs().CreateJobAsync(default!, default, default);
    }

    // The copy runs the generated reader over the caller's object; what it refuses is the caller's mistake, said as such.
    [Fact]
    public async Task A_request_the_copy_cannot_read_is_an_ArgumentException_naming_the_body()
    {
        var request = new SubmitRequest { Query = null! };
        var jobs = Substitute.For<IJobsClient>();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => jobs.CreateJobAsync<FundingRound>(request));

        Assert.Equal("body", exception.ParamName);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
        await jobs.DidNotReceiveWithAnyArgs().CreateJobAsync(default!, default, default);
    }
}
