using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public async Task Configuration_binds_options_and_the_http_client_comes_from_the_factory()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{\"id\":\"j\"}"));
        IConfiguration configuration = Configuration(new()
        {
            ["CatchAll:ApiKey"] = "sk-from-config",
            ["CatchAll:BaseAddress"] = server.BaseAddress.ToString(),
            ["CatchAll:Timeout"] = "00:00:42",
            ["CatchAll:UserAgent"] = "di-test/1.0",
            ["CatchAll:Retry:MaxAttempts"] = "2",
            ["CatchAll:Retry:BaseDelay"] = "00:00:00.250",
            ["CatchAll:Retry:RetryNonIdempotent"] = "true",
        });
        var marker = new MarkerHandler();
        var services = new ServiceCollection();
        var builder = services.AddCatchAllClient((http, options) => new FakeClient(http, options), configuration.GetSection("CatchAll"));
        builder.AddHttpMessageHandler(() => marker);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<FakeClient>();

        Assert.Equal("sk-from-config", client.Options.ApiKey);
        Assert.Equal(server.BaseAddress, client.Options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(42), client.Options.Timeout);
        Assert.Equal("di-test/1.0", client.Options.UserAgent);
        Assert.Equal(2, client.Options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), client.Options.Retry.BaseDelay);
        Assert.True(client.Options.Retry.RetryNonIdempotent);
        Assert.NotNull(client.Options.LoggerFactory);
        Assert.Equal(Timeout.InfiniteTimeSpan, client.HttpClient.Timeout);
        Assert.Equal(typeof(FakeClient).FullName, builder.Name);

        await client.PingAsync();

        // The call went through the factory's handler chain, with the configured key.
        Assert.Equal(1, marker.Calls);
        Assert.Equal("sk-from-config", Assert.Single(server.Requests).Header("x-api-key"));
    }

    [Fact]
    public void Code_configuration_and_container_services_flow_into_the_options()
    {
        var services = new ServiceCollection();
        var time = new FakeTimeProvider();
        services.AddSingleton<TimeProvider>(time);
        services.AddCatchAllClient((http, options) => new FakeClient(http, options), options => options.ApiKey = "sk-code");
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<FakeClient>();

        Assert.Equal("sk-code", client.Options.ApiKey);
        Assert.Same(time, client.Options.TimeProvider);
        Assert.Same(provider.GetRequiredService<ILoggerFactory>(), client.Options.LoggerFactory);
        Assert.NotSame(client, provider.GetRequiredService<FakeClient>());
    }

    [Fact]
    public async Task Standard_resilience_handler_can_be_chained_and_the_client_still_works()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{\"id\":\"j\"}"));
        var services = new ServiceCollection();
        services.AddCatchAllClient(
                (http, options) => new FakeClient(http, options),
                options =>
                {
                    options.ApiKey = "sk-resilient";
                    options.BaseAddress = server.BaseAddress;
                    options.Retry.MaxAttempts = 1;
                })
            .AddStandardResilienceHandler();
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<FakeClient>();
        await client.PingAsync();

        Assert.Equal("sk-resilient", Assert.Single(server.Requests).Header("x-api-key"));
    }

    [Fact]
    public async Task With_the_handlers_retry_off_as_documented_a_POST_goes_once_and_GET_retries_do_not_multiply()
    {
        // The standard handler retries every method by default: chained as it is, it would resend a submit.
        await using var server = LoopbackServer.Start((request, index) => request.Method == "GET" && index >= 2
            ? ServerResponse.Json("{\"id\":\"j\"}")
            : ServerResponse.Status503());
        var services = new ServiceCollection();
        services.AddCatchAllClient(
                (http, options) => new FakeClient(http, options),
                options =>
                {
                    options.BaseAddress = server.BaseAddress;
                    options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
                })
            .AddStandardResilienceHandler(resilience => resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FakeClient>();

        await Assert.ThrowsAsync<CatchAllApiException>(() => client.SubmitAsync());
        Assert.Equal(["POST"], server.Requests.Select(r => r.Method));

        await client.PingAsync();
        Assert.Equal(["POST", "GET", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_resilience_handler_timeout_surfaces_as_catchall_timeout_exception()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Hang = true });
        var time = new RecordingTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddCatchAllClient(
                (http, options) => new FakeClient(http, options),
                options =>
                {
                    options.BaseAddress = server.BaseAddress;
                    options.Timeout = TimeSpan.FromMinutes(10);
                })
            .AddStandardResilienceHandler();
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<FakeClient>();

        var call = client.PingAsync();
        await server.WaitForRequestsAsync(1);
        await time.DriveAsync(call, TimeSpan.FromSeconds(1), maxSteps: 300);

        // The handler's own 30 s total timeout fires long before the call's 10 min; callers still get our type.
        var exception = await Assert.ThrowsAsync<CatchAllTimeoutException>(() => call);
        Assert.Equal("ping", exception.OperationId);
        Assert.Equal("Polly.Timeout.TimeoutRejectedException", exception.InnerException?.GetType().FullName);
    }

    [Fact]
    public void Invalid_configuration_names_the_key_and_hides_nothing_secret()
    {
        IConfiguration configuration = Configuration(new()
        {
            ["CatchAll:ApiKey"] = "sk-should-not-leak",
            ["CatchAll:Timeout"] = "30",
        });
        var services = new ServiceCollection();
        services.AddCatchAllClient((http, options) => new FakeClient(http, options), configuration.GetSection("CatchAll"));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<FakeClient>());

        Assert.Contains("CatchAll:Timeout", exception.Message);
        Assert.DoesNotContain("sk-should-not-leak", exception.Message);
    }

    [Fact]
    public void Configuration_reloads_reach_newly_resolved_clients()
    {
        var configuration = Configuration(new() { ["CatchAll:ApiKey"] = "sk-one" });
        var services = new ServiceCollection();
        services.AddCatchAllClient((http, options) => new FakeClient(http, options), configuration.GetSection("CatchAll"));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("sk-one", provider.GetRequiredService<FakeClient>().Options.ApiKey);

        configuration["CatchAll:ApiKey"] = "sk-two";
        configuration.Reload();

        Assert.Equal("sk-two", provider.GetRequiredService<FakeClient>().Options.ApiKey);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>Stands in for a generated client: it only wires the pipeline the way generated code does.</summary>
    private sealed class FakeClient
    {
        private readonly CatchAllPipeline _pipeline;

        public FakeClient(HttpClient httpClient, CatchAllClientOptions options)
        {
            HttpClient = httpClient;
            Options = options;
            _pipeline = new CatchAllPipeline(httpClient, options, new Uri("https://default.invalid/"));
        }

        public HttpClient HttpClient { get; }

        public CatchAllClientOptions Options { get; }

        public async Task PingAsync()
        {
            var request = new ApiRequest(HttpMethod.Get, "ping");
            request.AppendPath("/ping");
            await _pipeline.SendAsync(request, TestJson.Default.JobDto, null, CancellationToken.None);
        }

        public async Task SubmitAsync()
        {
            var request = new ApiRequest(HttpMethod.Post, "submit");
            request.AppendPath("/submit");
            await _pipeline.SendAsync(request, TestJson.Default.JobDto, null, CancellationToken.None);
        }
    }

    private sealed class MarkerHandler : DelegatingHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
