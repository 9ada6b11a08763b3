using System;
using CatchAll.Runtime;

namespace CatchAll.Runtime.Tests.Infrastructure;

public static class PipelineFactory
{
    public const string ApiKey = "sk-test-9f8e7d6c5b4a";

    public static readonly Uri UnusedDefault = new("https://default.invalid/");

    /// <summary>Options pointed at a loopback server, with retries off unless a test turns them on.</summary>
    public static CatchAllClientOptions Options(Uri baseAddress, TimeProvider? time = null, int maxAttempts = 1) => new()
    {
        ApiKey = ApiKey,
        BaseAddress = baseAddress,
        TimeProvider = time ?? TimeProvider.System,
        Retry = new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.Zero },
    };

    public static CatchAllPipeline Create(Uri baseAddress, TimeProvider? time = null, int maxAttempts = 1) =>
        new(Options(baseAddress, time, maxAttempts), UnusedDefault);
}
