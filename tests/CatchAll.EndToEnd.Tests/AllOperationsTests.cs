using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.EndToEnd.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>Runs the <see cref="OperationTour"/> once for the class and keeps what went over the wire.</summary>
public sealed class OperationTourFixture : IAsyncLifetime
{
    internal IReadOnlyList<RecordedCall> Requests { get; private set; } = [];

    /// <summary>Why the tour stopped early, if it did; the coverage checks still report what was reached.</summary>
    internal Exception? Failure { get; private set; }

    public async Task InitializeAsync()
    {
        var time = new SteppingTimeProvider(EmulatorSession.FakeStart);
        using var receiver = WebhookReceiver.Start();
        await using var session = await EmulatorSession.StartOnFakeClockAsync(time);
        session.Http.CaptureBodies = true;
        try
        {
            await new OperationTour(session, time, receiver).RunAsync();
            await ErrorProbes.RunAsync(session);
        }
        catch (Exception ex)
        {
            Failure = ex;
        }

        Requests = session.Http.Requests;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Every operation of openapi/catchall.yaml, called through the generated client against the emulator.</summary>
public sealed class AllOperationsTests(OperationTourFixture tour) : IClassFixture<OperationTourFixture>
{
    public static TheoryData<string> OperationIds()
    {
        var data = new TheoryData<string>();
        foreach (var operation in SpecOperations.All.OrderBy(o => o.OperationId, StringComparer.Ordinal))
        {
            data.Add(operation.OperationId);
        }

        return data;
    }

    [Fact]
    public void Tour_through_every_operation_succeeds()
    {
        if (tour.Failure is not null)
        {
            throw new Xunit.Sdk.XunitException("The tour failed after " + tour.Requests.Count + " requests:\n" + tour.Failure);
        }
    }

    [Fact]
    public void The_contract_declares_57_operations()
    {
        Assert.Equal(57, SpecOperations.All.Select(o => o.OperationId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Operation_was_called_and_answered_2xx(string operationId)
    {
        var calls = tour.Requests.Where(r => SpecOperations.Match(r.Method, r.Path)?.OperationId == operationId).ToList();
        Assert.True(calls.Count > 0, $"{operationId} was never called (the tour made {tour.Requests.Count} requests{(tour.Failure is null ? string.Empty : " before failing: " + tour.Failure.Message)}).");
        Assert.Contains(calls, c => c.StatusCode is >= 200 and < 300);
    }

    [Fact]
    public void Every_request_the_client_sent_belongs_to_a_declared_operation()
    {
        Assert.NotEmpty(tour.Requests);
        var strays = tour.Requests.Where(r => SpecOperations.Match(r.Method, r.Path) is null).Select(r => r.Method + " " + r.Path).ToList();
        Assert.Empty(strays);
    }
}
