using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CatchAll.Runtime.Tests.Faults;

/// <summary>Issue 10, item 1, for clients from <c>AddCatchAllClient</c>: the factory's handler must not follow redirects itself.</summary>
public class DependencyInjectionRedirectTests
{
    [Fact]
    public async Task The_registered_http_client_does_not_carry_the_key_to_another_origin()
    {
        await using var elsewhere = FaultServer.Start(Fault.Json("{\"id\":\"stolen\"}"));
        await using var server = FaultServer.Start(new Fault { Status = 307 }.With("Location", new Uri(elsewhere.BaseAddress, "/collect").ToString()));
        var services = new ServiceCollection();
        services.AddCatchAllClient(
            (http, options) => new PipelineClient(new CatchAllPipeline(http, options, PipelineFactory.UnusedDefault)),
            options =>
            {
                options.ApiKey = PipelineFactory.ApiKey;
                options.BaseAddress = server.BaseAddress;
                options.Retry.MaxAttempts = 1;
            });
        using var provider = services.BuildServiceProvider();
        using var pipeline = provider.GetRequiredService<PipelineClient>().Pipeline;
        var request = new ApiRequest(HttpMethod.Get, "getJob");
        request.AppendPath("/jobs/1");

        var exception = await Assert.ThrowsAsync<RedirectRefusedException>(() => pipeline.SendAsync(request, null, CancellationToken.None));

        Assert.Equal(0, elsewhere.RequestCount);
        Assert.Contains("was not followed", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A handler configured after registration would follow A -> B -> A itself: the pipeline would see only the final
    /// URI (A) and B would have had the key. The registration turns its redirects off whichever handler it is.
    /// </summary>
    [Theory]
    [InlineData("HttpClientHandler")]
#if !RUNTIME_NETSTANDARD
    // The netstandard2.0 build cannot name SocketsHttpHandler (documented): only the net8.0 build turns it off.
    [InlineData("SocketsHttpHandler")]
#endif
    public async Task A_primary_handler_configured_later_does_not_follow_a_redirect_that_returns_to_the_origin(string handler)
    {
        Uri? origin = null;
        await using var elsewhere = FaultServer.Start((_, _) => new Fault { Status = 302 }.With("Location", new Uri(origin!, "/back").ToString()));
        await using var server = FaultServer.Start((request, _) => request.Target.StartsWith("/back", StringComparison.Ordinal)
            ? Fault.Json("{\"id\":\"j\"}")
            : new Fault { Status = 307 }.With("Location", new Uri(elsewhere.BaseAddress, "/collect").ToString()));
        origin = server.BaseAddress;
        var services = new ServiceCollection();
        Func<HttpMessageHandler> primary = handler == "SocketsHttpHandler" ? () => new SocketsHttpHandler() : () => new HttpClientHandler();
        var builder = services.AddCatchAllClient(
            (http, options) => new PipelineClient(new CatchAllPipeline(http, options, PipelineFactory.UnusedDefault)),
            options =>
            {
                options.ApiKey = PipelineFactory.ApiKey;
                options.BaseAddress = server.BaseAddress;
                options.Retry.MaxAttempts = 1;
            });
        builder.ConfigurePrimaryHttpMessageHandler(primary);

        using var provider = services.BuildServiceProvider();
        using var pipeline = provider.GetRequiredService<PipelineClient>().Pipeline;
        var request = new ApiRequest(HttpMethod.Get, "getJob");
        request.AppendPath("/jobs/1");

        await Assert.ThrowsAsync<RedirectRefusedException>(() => pipeline.SendAsync(request, null, CancellationToken.None));

        Assert.Equal(0, elsewhere.RequestCount);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public void The_limits_can_be_set_from_configuration_and_a_bad_one_names_its_key()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CatchAll:ApiKey"] = "test-key",
            ["CatchAll:MaxResponseBodySize"] = "1048576",
            ["CatchAll:MaxErrorBodySize"] = "4096",
            ["CatchAll:Retry:MaxRetryAfter"] = "00:00:30",
        }).Build();
        var services = new ServiceCollection();
        services.AddCatchAllClient((http, options) => new PipelineClient(new CatchAllPipeline(http, options, PipelineFactory.UnusedDefault)), configuration.GetSection("CatchAll"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<PipelineClient>().Pipeline.Options;

        Assert.Equal(1048576, options.MaxResponseBodySize);
        Assert.Equal(4096, options.MaxErrorBodySize);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.MaxRetryAfter);

        var bad = new ServiceCollection();
        bad.AddCatchAllClient((http, o) => new PipelineClient(new CatchAllPipeline(http, o, PipelineFactory.UnusedDefault)), new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ApiKey"] = "test-key", ["MaxResponseBodySize"] = "0" }).Build());
        using var badProvider = bad.BuildServiceProvider();
        var exception = Assert.Throws<InvalidOperationException>(() => badProvider.GetRequiredService<PipelineClient>());
        Assert.Contains("MaxResponseBodySize", exception.Message, StringComparison.Ordinal);
    }

    private sealed class PipelineClient
    {
        public PipelineClient(CatchAllPipeline pipeline) => Pipeline = pipeline;

        public CatchAllPipeline Pipeline { get; }
    }
}
