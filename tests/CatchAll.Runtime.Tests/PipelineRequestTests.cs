using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class PipelineRequestTests
{
    [Fact]
    public async Task Sends_api_key_accept_and_user_agent_headers()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{\"id\":\"j1\",\"count\":3}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var response = await pipeline.SendAsync(Get("/catchAll/status/j1"), TestJson.Default.JobDto, null, CancellationToken.None);

        var received = Assert.Single(server.Requests);
        Assert.Equal(PipelineFactory.ApiKey, received.Header("x-api-key"));
        Assert.Equal("application/json", received.Header("Accept"));
        Assert.StartsWith("CatchAll.Runtime/", received.Header("User-Agent"));
        Assert.Equal("GET", received.Method);
        Assert.Equal("/catchAll/status/j1", received.RawUrl);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("j1", response.Value.Id);
        Assert.Equal(3, response.Value.Count);
        Assert.Equal("getJobStatus", response.OperationId);
        Assert.Equal("application/json", Assert.Single(response.Headers["content-type"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public async Task Bodies_of_any_size_read_whole_with_or_without_a_content_length(int? chunkSize)
    {
        // 40,000 tags are about 440 KB: past the first buffer when no length is declared, so it has to grow.
        var tags = Enumerable.Range(0, 40_000).Select(i => "tag-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var json = "{\"id\":\"big\",\"count\":40000,\"tags\":[" + string.Join(",", tags.Select(t => "\"" + t + "\"")) + "]}";
        await using var server = LoopbackServer.Start(new ServerResponse { Body = json, ChunkSize = chunkSize });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var response = await pipeline.SendAsync(Get("/big"), TestJson.Default.JobDto, null, CancellationToken.None);

        Assert.Equal(tags, response.Value.Tags);
        Assert.Equal(chunkSize is null ? json.Length.ToString(CultureInfo.InvariantCulture) : null, response.Headers.TryGetValue("Content-Length", out var length) ? Assert.Single(length) : null);
    }

    [Fact]
    public async Task No_key_header_when_no_key_is_configured_and_custom_user_agent_is_used()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{}"));
        var options = PipelineFactory.Options(server.BaseAddress);
        options.ApiKey = null;
        options.UserAgent = "my-app/2.0";
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);

        await pipeline.SendAsync(Get("/x"), null, CancellationToken.None);

        var received = Assert.Single(server.Requests);
        Assert.Null(received.Header("x-api-key"));
        Assert.Equal("my-app/2.0", received.Header("User-Agent"));
    }

    [Fact]
    public async Task Sends_json_body_serialized_with_the_type_info()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{\"id\":\"new\"}", 201));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var request = new ApiRequest(HttpMethod.Post, "createJob");
        request.AppendPath("/catchAll/submit");
        request.SetJsonBody(new CreateJobBody { Query = "acquisitions in Ohio", Limit = 10 }, TestJson.Default.CreateJobBody);

        var response = await pipeline.SendAsync(request, TestJson.Default.JobDto, null, CancellationToken.None);

        var received = Assert.Single(server.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal("{\"query\":\"acquisitions in Ohio\",\"limit\":10}", received.BodyText);
        Assert.Equal("application/json; charset=utf-8", received.Header("Content-Type"));
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("new", response.Value.Id);
    }

    [Fact]
    public async Task Keeps_the_base_address_path_and_escapes_path_and_query()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{}"));
        var options = PipelineFactory.Options(new Uri(server.BaseAddress, "gateway/v1/"));
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);
        var request = new ApiRequest(HttpMethod.Get, "getJobStatus");
        request.AppendPath("/catchAll/status/");
        request.AppendPathParameter("a/b c");
        request.AddQuery("q", "x&y");

        await pipeline.SendAsync(request, null, CancellationToken.None);

        Assert.Equal("/gateway/v1/catchAll/status/a%2Fb%20c?q=x%26y", Assert.Single(server.Requests).RawUrl);
    }

    [Fact]
    public async Task Operation_and_per_call_headers_are_sent_and_per_call_headers_win()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        var request = Get("/x");
        request.AddHeader("X-Operation", "from-operation");
        request.AddHeader("X-Both", "from-operation");
        var perCall = new RequestOptions();
        perCall.Headers["X-Both"] = "from-call";
        perCall.Headers["x-api-key"] = "per-call-key";

        await pipeline.SendAsync(request, perCall, CancellationToken.None);

        var received = Assert.Single(server.Requests);
        Assert.Equal("from-operation", received.Header("X-Operation"));
        Assert.Equal("from-call", received.Header("X-Both"));
        Assert.Equal("per-call-key", received.Header("x-api-key"));
    }

    [Fact]
    public async Task Client_default_headers_go_on_every_request_and_operation_and_per_call_headers_win()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{}"));
        var options = PipelineFactory.Options(server.BaseAddress);
        options.DefaultHeaders["X-Team"] = "research";
        options.DefaultHeaders["X-Both"] = "from-client";
        options.DefaultHeaders["x-trace"] = "from-client";
        using var pipeline = new CatchAllPipeline(options, PipelineFactory.UnusedDefault);
        var first = Get("/x");
        first.AddHeader("X-Both", "from-operation");
        var perCall = new RequestOptions();
        perCall.Headers["X-Trace"] = "from-call";

        await pipeline.SendAsync(first, perCall, CancellationToken.None);
        await pipeline.SendAsync(Get("/y"), null, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        var one = server.Requests[0];
        Assert.Equal("research", one.Header("X-Team"));
        Assert.Equal("from-operation", one.Header("X-Both"));
        Assert.Equal("from-call", one.Header("X-Trace"));
        var two = server.Requests[1];
        Assert.Equal("research", two.Header("X-Team"));
        Assert.Equal("from-client", two.Header("X-Both"));
        Assert.Equal("from-client", two.Header("x-trace"));
    }

    [Fact]
    public async Task Stream_responses_hand_over_the_raw_body()
    {
        await using var server = LoopbackServer.Start(new ServerResponse { Body = "a,b\n1,2\n", ContentType = "text/csv" });
        using var pipeline = PipelineFactory.Create(server.BaseAddress);

        var response = await pipeline.SendForStreamAsync(Get("/export"), null, CancellationToken.None);
        using var reader = new StreamReader(response.Value, Encoding.UTF8);

        Assert.Equal("a,b\n1,2\n", await reader.ReadToEndAsync());
        Assert.Equal("text/csv", Assert.Single(response.Headers["Content-Type"]));
    }

    [Fact]
    public async Task Caller_owned_http_client_is_not_disposed_and_its_base_address_is_used()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{}"));
        using var httpClient = new HttpClient { BaseAddress = server.BaseAddress };
        var options = PipelineFactory.Options(server.BaseAddress);
        options.BaseAddress = null;

        using (var pipeline = new CatchAllPipeline(httpClient, options, PipelineFactory.UnusedDefault))
        {
            Assert.Equal(server.BaseAddress, pipeline.BaseAddress);
            await pipeline.SendAsync(Get("/x"), null, CancellationToken.None);
        }

        // Still usable after the pipeline is gone.
        using var again = await httpClient.GetAsync("/x");
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public void Base_address_precedence_is_options_then_http_client_then_default()
    {
        var fromOptions = new Uri("https://options.example/");
        var fromClient = new Uri("https://client.example/");
        var fallback = new Uri("https://default.example/");
        using var client = new HttpClient { BaseAddress = fromClient };
        using var bare = new HttpClient();

        Assert.Equal(fromOptions, new CatchAllPipeline(client, new CatchAllClientOptions { ApiKey = PipelineFactory.ApiKey, BaseAddress = fromOptions }, fallback).BaseAddress);
        Assert.Equal(fromClient, new CatchAllPipeline(client, new CatchAllClientOptions { ApiKey = PipelineFactory.ApiKey }, fallback).BaseAddress);
        Assert.Equal(fallback, new CatchAllPipeline(bare, new CatchAllClientOptions { ApiKey = PipelineFactory.ApiKey }, fallback).BaseAddress);
    }

    private static ApiRequest Get(string path, string operationId = "getJobStatus")
    {
        var request = new ApiRequest(HttpMethod.Get, operationId);
        request.AppendPath(path);
        return request;
    }
}
