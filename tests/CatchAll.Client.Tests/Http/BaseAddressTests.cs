using System;
using System.Net.Http;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.TestSupport;
using Xunit;
using static CatchAll.Client.Tests.Http.HttpTestSupport;

namespace CatchAll.Client.Tests.Http;

/// <summary>The generated client behind a gateway: a base address with a path prefix must keep it.</summary>
public sealed class BaseAddressTests : IDisposable
{
    private const string StatusBody = """{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"submitted"}""";

    private readonly LoopbackServer _server = new();

    [Theory]
    [InlineData("gateway/catchall/")]
    [InlineData("gateway/catchall")]
    public async Task Base_path_from_options_is_kept(string basePath)
    {
        _server.Reset(ServerResponse.Of(200, StatusBody));
        using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(_server.BaseAddress, basePath) });

        await client.Jobs.GetJobStatusAsync(OperationCases.Job);

        Assert.Equal("/gateway/catchall/catchAll/status/5f0c9087-85cb-4917-b3c7-e5a5eff73a0c", _server.SingleRequest().Path);
    }

    [Fact]
    public async Task Caller_owned_http_client_supplies_the_base_address_and_is_not_disposed()
    {
        _server.Reset(ServerResponse.Of(200, StatusBody));
        using var http = new HttpClient { BaseAddress = new Uri(_server.BaseAddress, "prefix/") };

        using (var client = new CatchAllClient(http, new CatchAllClientOptions { ApiKey = ApiKey }))
        {
            await client.Jobs.GetJobStatusAsync(OperationCases.Job);
        }

        Assert.Equal("/prefix/catchAll/status/5f0c9087-85cb-4917-b3c7-e5a5eff73a0c", _server.SingleRequest().Path);
        Assert.Equal(ApiKey, _server.SingleRequest().Header("x-api-key"));

        // Still usable after the CatchAllClient is gone: the pipeline did not dispose a client it does not own.
        _server.Reset(ServerResponse.Of(200, StatusBody));
        using var again = await http.GetAsync(new Uri(_server.BaseAddress, "ping"));
        Assert.Equal(200, (int)again.StatusCode);
    }

    [Fact]
    public async Task No_key_configured_sends_no_key_header()
    {
        _server.Reset(ServerResponse.Of(200, """{"healthy":true}"""));
        using var client = new CatchAllClient(new CatchAllClientOptions { BaseAddress = _server.BaseAddress });

        await client.Meta.HealthCheckAsync();

        Assert.Null(_server.SingleRequest().Header("x-api-key"));
    }

    [Fact]
    public void Default_base_address_is_the_spec_server()
    {
        using var client = new CatchAllClient(new CatchAllClientOptions { ApiKey = "sk-test" });

        Assert.Equal(new Uri("https://catchall.newscatcherapi.com"), client.Pipeline.BaseAddress);
    }

    [Fact]
    public void The_generated_client_without_a_key_for_the_real_service_fails_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new CatchAllClient(new CatchAllClientOptions()));

        Assert.Contains("catchall.newscatcherapi.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Equal("1.6.3", CatchAllClient.ContractVersion);
    }

    public void Dispose() => _server.Dispose();
}
