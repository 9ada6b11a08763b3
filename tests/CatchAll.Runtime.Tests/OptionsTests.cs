using System;
using System.Threading;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class OptionsTests
{
    [Fact]
    public void Defaults_match_the_contract()
    {
        var options = new CatchAllClientOptions();

        Assert.Null(options.ApiKey);
        Assert.Null(options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(100), options.Timeout);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Equal(4, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.MaxDelay);
        Assert.False(options.Retry.RetryNonIdempotent);
        Assert.Equal(TimeSpan.FromSeconds(30), new PollingOptions().Interval);
        Assert.Null(new PollingOptions().Timeout);
    }

    [Fact]
    public void A_wait_fills_in_only_what_the_caller_left_unset()
    {
        var declared = TimeSpan.FromSeconds(5);

        var none = PollingOptions.ForOperation(null, "getDataset", declared);
        Assert.Equal((declared, (TimeSpan?)null, "getDataset"), (none.Interval, none.Timeout, none.OperationId));

        var timeoutOnly = new PollingOptions { Timeout = TimeSpan.FromMinutes(1) };
        var filled = PollingOptions.ForOperation(timeoutOnly, "getDataset", declared);
        Assert.Equal((declared, (TimeSpan?)TimeSpan.FromMinutes(1), "getDataset"), (filled.Interval, filled.Timeout, filled.OperationId));
        Assert.Equal((TimeSpan.FromSeconds(30), "poll"), (timeoutOnly.Interval, timeoutOnly.OperationId));

        // Set explicitly, even to the values a fresh instance reports, means set.
        var explicitly = new PollingOptions { Interval = TimeSpan.FromSeconds(30), OperationId = "poll" };
        Assert.Same(explicitly, PollingOptions.ForOperation(explicitly, "getDataset", declared));

        var intervalOnly = PollingOptions.ForOperation(new PollingOptions { Interval = TimeSpan.Zero }, "getJobStatus", declared);
        Assert.Equal((TimeSpan.Zero, "getJobStatus"), (intervalOnly.Interval, intervalOnly.OperationId));
    }

    [Fact]
    public void Invalid_values_are_rejected_when_set()
    {
        var options = new CatchAllClientOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.MaxAttempts = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.BaseDelay = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
        Assert.Throws<ArgumentException>(() => options.BaseAddress = new Uri("/relative", UriKind.Relative));
        Assert.Throws<ArgumentNullException>(() => options.TimeProvider = null!);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestOptions().Timeout = TimeSpan.FromSeconds(-5));

        options.Timeout = Timeout.InfiniteTimeSpan;
        Assert.Equal(Timeout.InfiniteTimeSpan, options.Timeout);
    }

    [Fact]
    public void ToString_redacts_the_api_key()
    {
        var options = new CatchAllClientOptions { ApiKey = "sk-live-very-secret", BaseAddress = new Uri("https://api.example/") };

        var text = options.ToString();

        Assert.DoesNotContain("sk-live-very-secret", text);
        Assert.Contains("ApiKey=***", text);
        Assert.Contains("https://api.example/", text);
        Assert.Contains("ApiKey=<none>", new CatchAllClientOptions().ToString());
    }

    [Fact]
    public void Per_call_headers_ignore_case()
    {
        var options = new RequestOptions();
        options.Headers["X-Trace"] = "1";

        Assert.True(options.Headers.ContainsKey("x-trace"));
    }
}
