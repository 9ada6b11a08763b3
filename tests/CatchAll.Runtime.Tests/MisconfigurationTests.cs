using System;
using System.Collections.Generic;
using System.Net.Http;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CatchAll.Runtime.Tests;

/// <summary>
/// A missing key or a wrong address fails when the client is built (or resolved from DI), with a message that
/// says what to set, not as a 401 or a request to the wrong host later on.
/// </summary>
public sealed class MisconfigurationTests
{
    private static readonly Uri Service = new("https://api.example/");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_key_against_a_remote_address_throws_when_the_pipeline_is_built(string? key)
    {
        var options = new CatchAllClientOptions { ApiKey = key };

        var error = Assert.Throws<ArgumentException>(() => new CatchAllPipeline(options, Service));

        Assert.Contains("ApiKey is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("api.example", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddCatchAllClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_white_space_key_throws_even_on_loopback()
    {
        var options = new CatchAllClientOptions { ApiKey = "  \t", BaseAddress = new Uri("http://127.0.0.1:5080/") };

        var error = Assert.Throws<ArgumentException>(() => new CatchAllPipeline(options, Service));

        Assert.Contains("white space", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://[::1]:5080/")]
    public void Loopback_addresses_may_run_keyless(string address)
    {
        using var pipeline = new CatchAllPipeline(new CatchAllClientOptions { BaseAddress = new Uri(address) }, Service);

        Assert.Equal(new Uri(address), pipeline.BaseAddress);
    }

    [Fact]
    public void A_key_on_the_caller_s_HttpClient_counts()
    {
        using var httpClient = new HttpClient { BaseAddress = Service };
        httpClient.DefaultRequestHeaders.Add("x-api-key", PipelineFactory.ApiKey);

        using var pipeline = new CatchAllPipeline(httpClient, new CatchAllClientOptions(), Service);

        Assert.Equal(Service, pipeline.BaseAddress);
    }

    [Theory]
    [InlineData("ftp://files.example/")]
    [InlineData("file:///tmp/catchall")]
    public void A_base_address_that_is_not_http_is_rejected(string address)
    {
        var uri = new Uri(address);

        var set = Assert.Throws<ArgumentException>(() => new CatchAllClientOptions { BaseAddress = uri });
        Assert.Contains("http or https", set.Message, StringComparison.Ordinal);

        // Through the HttpClient the options never see it, so the pipeline checks the address it ends up with.
        using var httpClient = new HttpClient { BaseAddress = uri };
        var built = Assert.Throws<ArgumentException>(() => new CatchAllPipeline(httpClient, new CatchAllClientOptions { ApiKey = PipelineFactory.ApiKey }, Service));
        Assert.Contains($"its scheme is '{uri.Scheme}'", built.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_base_address_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new CatchAllClientOptions { BaseAddress = new Uri("/v1", UriKind.Relative) });
    }

    [Fact]
    public void DI_without_a_key_fails_when_the_client_is_resolved_saying_how_to_set_it()
    {
        var services = new ServiceCollection();
        services.AddCatchAllClient((httpClient, options) => new CatchAllPipeline(httpClient, options, Service));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<CatchAllPipeline>());

        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("configuration section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DI_from_configuration_resolves_with_a_key_and_names_a_bad_address_key()
    {
        var good = new ServiceCollection();
        good.AddCatchAllClient((httpClient, options) => new CatchAllPipeline(httpClient, options, Service), Configuration(new() { ["ApiKey"] = PipelineFactory.ApiKey }));
        using (var provider = good.BuildServiceProvider())
        {
            Assert.Equal(Service, provider.GetRequiredService<CatchAllPipeline>().BaseAddress);
        }

        var bad = new ServiceCollection();
        bad.AddCatchAllClient(
            (httpClient, options) => new CatchAllPipeline(httpClient, options, Service),
            Configuration(new() { ["ApiKey"] = PipelineFactory.ApiKey, ["BaseAddress"] = "ftp://files.example/" }));
        using (var provider = bad.BuildServiceProvider())
        {
            var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<CatchAllPipeline>());
            Assert.Contains("'BaseAddress'", error.Message, StringComparison.Ordinal);
            Assert.Contains("http or https", error.Message, StringComparison.Ordinal);
        }
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
