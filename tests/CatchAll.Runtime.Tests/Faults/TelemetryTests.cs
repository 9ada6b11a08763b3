using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>
/// Traces and metrics through ActivityListener and MeterListener, as OpenTelemetry would see them. Other tests run
/// at the same time, so each test names its own operation and looks only at what carries that name.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private const string Key = PipelineFactory.ApiKey;

    private readonly string _operationId = "probe" + Guid.NewGuid().ToString("N");
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CatchAllDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("catchall.operation.id"), _operationId))
                {
                    _activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CatchAllDiagnostics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    [Fact]
    public async Task One_activity_per_operation_with_method_status_retries_and_job_id_but_never_the_key()
    {
        await using var server = FaultServer.Sequence(
            Fault.Json("{\"detail\":\"busy\"}", 503),
            Fault.Json("{\"job_id\":\"job-42\",\"status\":\"enriching\"}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 2);

        await pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None);

        var activity = Assert.Single(_activities);
        Assert.Equal(_operationId, activity.DisplayName);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(1, activity.GetTagItem("http.request.resend_count"));
        Assert.Equal("job-42", activity.GetTagItem("catchall.job.id"));
        Assert.Equal("127.0.0.1", activity.GetTagItem("server.address"));
        Assert.NotEqual(ActivityStatusCode.Error, activity.Status);
        Assert.DoesNotContain(activity.TagObjects, t => t.Value?.ToString()?.Contains(Key, StringComparison.Ordinal) == true);

        var duration = Assert.Single(Measurements("catchall.client.operation.duration"));
        Assert.Equal(200, duration.Tags["http.response.status_code"]);
        Assert.Equal("GET", duration.Tags["http.request.method"]);
        Assert.True(duration.Value >= 0);
        var retry = Assert.Single(Measurements("catchall.client.retries"));
        Assert.Equal(1d, retry.Value);
        Assert.Equal("HTTP 503", retry.Tags["error.type"]);
    }

    [Fact]
    public async Task A_failed_operation_is_an_error_activity_and_429s_are_counted()
    {
        await using var server = FaultServer.Start(Fault.Json("{\"detail\":\"slow down, " + Key + "\"}", 429).With("Retry-After", "100000"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 3);

        await Assert.ThrowsAsync<RateLimitedException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        var activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("429", activity.GetTagItem("error.type"));
        Assert.Equal(429, activity.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(Key, activity.StatusDescription ?? string.Empty, StringComparison.Ordinal);
        Assert.Single(Measurements("catchall.client.rate_limited"));
        Assert.Equal("429", Assert.Single(Measurements("catchall.client.operation.duration")).Tags["error.type"]);
    }

    [Fact]
    public async Task A_wait_has_its_own_activity_and_duration_with_its_outcome()
    {
        var clock = new IntervalClock(TimeSpan.FromSeconds(10));
        var polls = 0;
        var wait = Poller.PollAsync(
            _ => Task.FromResult(++polls < 3 ? "running" : "completed"),
            s => s == "completed" ? PollOutcome.Succeeded : PollOutcome.Continue,
            s => new InvalidOperationException(s),
            new PollingOptions { Interval = TimeSpan.FromSeconds(10), OperationId = _operationId },
            clock,
            null,
            CancellationToken.None);
        await clock.DriveAsync(wait);
        await wait;

        var activity = Assert.Single(_activities);
        Assert.Equal(_operationId + " wait", activity.DisplayName);
        Assert.Equal("succeeded", activity.GetTagItem("catchall.wait.outcome"));
        var duration = Assert.Single(Measurements("catchall.client.wait.duration"));
        Assert.Equal(20d, duration.Value);
        Assert.Equal("succeeded", duration.Tags["catchall.wait.outcome"]);
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (Equals(copy.GetValueOrDefault("catchall.operation.id"), _operationId))
        {
            _measurements.Enqueue((instrument.Name, value, copy));
        }
    }

    private IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument);

    private ApiRequest Get()
    {
        var request = new ApiRequest(HttpMethod.Get, _operationId);
        request.AppendPath("/catchAll/status/job-42");
        return request;
    }
}
