using System;
using Xunit;

namespace CatchAll.AspNetCore.Tests;

/// <summary>The handler's retry delay doubles per attempt and stays in range however many attempts are allowed.</summary>
public class BackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    public void The_delay_doubles_per_attempt(int attempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookQueue.BackoffDelay(TimeSpan.FromSeconds(1), attempt));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(41)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Many_attempts_are_capped_not_overflowed(int attempt)
    {
        Assert.Equal(WebhookQueue.MaxRetryDelay, WebhookQueue.BackoffDelay(TimeSpan.FromSeconds(1), attempt));
    }

    [Fact]
    public void A_first_delay_longer_than_the_cap_is_kept_but_never_beyond_a_day()
    {
        Assert.Equal(TimeSpan.FromMinutes(20), WebhookQueue.BackoffDelay(TimeSpan.FromMinutes(20), 30));
        Assert.Equal(TimeSpan.FromDays(1), WebhookQueue.BackoffDelay(TimeSpan.FromDays(3), 1));
    }
}
