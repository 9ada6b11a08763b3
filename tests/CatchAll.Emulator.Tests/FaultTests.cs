using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace CatchAll.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Injected_server_errors_hit_the_next_matching_requests_only()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        emulator.Faults.FailNextRequests(2, 503, pathPrefix: "/catchAll/jobs", retryAfter: TimeSpan.FromSeconds(2));

        var other = await api.GetAsync("/catchAll/monitors");
        var first = await api.GetAsync("/catchAll/jobs/user");
        var second = await api.GetAsync("/catchAll/jobs/user");
        var third = await api.GetAsync("/catchAll/jobs/user");

        Assert.Equal(200, other.Code);
        Assert.Equal(503, first.Code);
        Assert.Equal(TimeSpan.FromSeconds(2), first.RetryAfter);
        Assert.Equal(503, second.Code);
        Assert.Equal(200, third.Code);
        Assert.Equal(0, emulator.Faults.PendingRequestFailures);
    }

    [Fact]
    public async Task Concurrency_limit_answers_429_with_retry_after()
    {
        await using var emulator = await CatchAllEmulator.StartAsync(new EmulatorOptions { ConcurrencyLimit = 2, TimeScale = 0.05 });
        var api = new Api(emulator.CreateClient());

        var a = await api.PostAsync("/catchAll/submit", """{"query":"Acquisitions of robotics companies"}""");
        var b = await api.PostAsync("/catchAll/submit", """{"query":"Layoffs at gaming studios"}""");
        var c = await api.PostAsync("/catchAll/submit", """{"query":"Product launches by EV makers"}""");

        Assert.Equal(200, a.Code);
        Assert.Equal(200, b.Code);
        Assert.Equal(429, c.Code);
        Assert.NotNull(c.RetryAfter);
        Assert.True(c.RetryAfter >= TimeSpan.FromSeconds(1));
        Assert.Contains("oncurrency", c.Str("detail"), StringComparison.Ordinal);

        var limits = await api.PostAsync("/catchAll/user/limits");
        var concurrency = limits.Body.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "Jobs_Concurrency");
        Assert.Equal(2, concurrency.GetProperty("value").GetInt32());
        Assert.Equal(2, concurrency.GetProperty("current_usage").GetInt32());
    }

    [Fact]
    public async Task Latency_can_be_injected_and_removed()
    {
        await using var emulator = await EmulatorFixtures.StartFastAsync();
        var api = new Api(emulator.CreateClient());
        emulator.Faults.SetLatency(TimeSpan.FromSeconds(5), "/health");
        using var impatient = new System.Net.Http.HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("/health"));
        var unaffected = await api.GetAsync("/version");
        emulator.Faults.Reset();
        var ok = await api.GetAsync("/health");

        Assert.Equal(200, unaffected.Code);
        Assert.Equal(200, ok.Code);
    }
}
