using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class SecretRedactionTests
{
    private const string Key = PipelineFactory.ApiKey;

    [Fact]
    public async Task The_key_is_sent_but_never_logged_even_at_trace_level()
    {
        await using var server = LoopbackServer.StartSequence(ServerResponse.Status503(), ServerResponse.Json("{\"id\":\"j\"}"));
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var options = PipelineFactory.Options(server.BaseAddress, maxAttempts: 2);
        options.LoggerFactory = loggerFactory;
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        await pipeline.SendAsync(Get(), TestJson.Default.JobDto, null, CancellationToken.None);

        Assert.All(server.Requests, r => Assert.Equal(Key, r.Header("x-api-key")));
        var records = collector.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("CatchAll.Runtime", r.Category));
        var everything = string.Join("\n", records.Select(r => r.Message + " " + r.Exception + " " + string.Join(",", r.StructuredState?.Select(s => s.Value) ?? [])));
        Assert.DoesNotContain(Key, everything);
        // The header is mentioned, redacted: proves the trace log really covers headers.
        Assert.Contains("x-api-key: ***", everything);
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.Contains("responded 200"));
        Assert.Contains(records, r => r.Level == LogLevel.Warning && r.Message.Contains("retrying"));
    }

    [Fact]
    public async Task A_key_echoed_by_the_server_is_scrubbed_from_the_exception()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json($"{{\"detail\":\"Invalid API key: {Key}\"}}", 401));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<UnauthorizedException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.DoesNotContain(Key, exception.ToString());
        Assert.DoesNotContain(Key, exception.Detail);
        Assert.DoesNotContain(Key, exception.ResponseBody);
        Assert.Contains("Invalid API key: ***", exception.Message);
    }

    [Fact]
    public async Task Transport_failures_do_not_mention_the_key()
    {
        var options = PipelineFactory.Options(new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/"));
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        var exception = await Assert.ThrowsAsync<CatchAllTransportException>(() => pipeline.SendAsync(Get(), null, CancellationToken.None));

        Assert.DoesNotContain(Key, exception.ToString());
    }

    [Fact]
    public void Options_to_string_never_shows_the_key()
    {
        var options = new CatchAllClientOptions { ApiKey = Key };

        Assert.DoesNotContain(Key, options.ToString());
        Assert.Contains("ApiKey=***", options.ToString());
    }

    private static ApiRequest Get()
    {
        var request = new ApiRequest(HttpMethod.Get, "getJobStatus");
        request.AppendPath("/catchAll/status/j");
        return request;
    }
}
