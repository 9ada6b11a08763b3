using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using CatchAll.TestSupport;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class PipelineMultipartTests
{
    [Fact]
    public async Task Sends_fields_and_files_as_multipart_form_data()
    {
        await using var server = LoopbackServer.Start(ServerResponse.Json("{}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("url\nhttps://example.org/a\n"));
        var request = Upload(file);

        await pipeline.SendAsync(request, null, CancellationToken.None);

        var received = Assert.Single(server.Requests);
        Assert.StartsWith("multipart/form-data; boundary=", received.Header("Content-Type"));
        var body = received.BodyText;
        Assert.Contains("name=\"title\"", body);
        Assert.Contains("Q3 sources", body);
        Assert.Contains("name=\"file\"", body);
        Assert.Contains("filename=\"urls.csv\"", body);
        Assert.Contains("Content-Type: text/csv", body);
        Assert.Contains("url\nhttps://example.org/a\n", body);
        Assert.True(file.CanRead, "The caller's stream must not be disposed by the request.");
    }

    [Fact]
    public async Task Seekable_file_streams_are_sent_whole_again_on_retry()
    {
        await using var server = LoopbackServer.StartSequence(ServerResponse.Status503(), ServerResponse.Json("{}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 2);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("first-and-only-content"));
        var perCall = new RequestOptions { Retry = new RetryOptions { RetryNonIdempotent = true, BaseDelay = TimeSpan.Zero } };

        await pipeline.SendAsync(Upload(file), perCall, CancellationToken.None);

        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, r => Assert.Contains("first-and-only-content", r.BodyText));
    }

    [Fact]
    public async Task Non_seekable_file_streams_are_never_retried()
    {
        await using var server = LoopbackServer.StartSequence(ServerResponse.Status503(), ServerResponse.Json("{}"));
        using var pipeline = PipelineFactory.Create(server.BaseAddress, maxAttempts: 3);
        var perCall = new RequestOptions { Retry = new RetryOptions { RetryNonIdempotent = true, BaseDelay = TimeSpan.Zero } };

        var exception = await Assert.ThrowsAsync<CatchAllApiException>(
            () => pipeline.SendAsync(Upload(new NonSeekableStream(Encoding.UTF8.GetBytes("once"))), perCall, CancellationToken.None));

        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Contains("once", server.Requests[0].BodyText);
    }

    private static ApiRequest Upload(Stream file)
    {
        var request = new ApiRequest(HttpMethod.Post, "uploadSources");
        request.AppendPath("/catchAll/sources");
        request.AddMultipartField("title", "Q3 sources");
        request.AddMultipartField("skipped", null);
        request.AddMultipartFile("file", file, "urls.csv", "text/csv");
        return request;
    }
}
