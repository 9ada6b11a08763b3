using System;
using System.Threading.Tasks;
using CatchAll.Runtime;
using CatchAll.TestSupport;
using Xunit;
using static CatchAll.Client.Tests.Http.HttpTestSupport;

namespace CatchAll.Client.Tests.Http;

/// <summary>A 2xx answer the client cannot read is a CatchAllSerializationException that says which operation and where.</summary>
public sealed class ResponseBodyFailureTests : IDisposable
{
    private const string BadCitation = """{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","all_records":[{"record_id":"1","record_title":"t","enrichment":{},"citations":[{"title":42,"link":"https://x.example/a","published_date":"2026-02-17T14:01:05Z"}]}]}""";

    private readonly LoopbackServer _server = new();

    [Fact]
    public async Task Wrong_type_deep_in_a_response_names_the_operation_and_member()
    {
        _server.Reset(ServerResponse.Of(200, BadCitation));
        using var client = NewClient(_server);

        var ex = await Assert.ThrowsAsync<CatchAllSerializationException>(() => client.Jobs.GetJobResultsAsync(OperationCases.Job));

        Assert.Equal("getJobResults", ex.OperationId);
        Assert.Contains("getJobResults", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.JsonPath);
        Assert.Contains("citations", ex.JsonPath, StringComparison.Ordinal);
        Assert.EndsWith("title", ex.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_type_deep_in_a_response_gives_the_full_json_path()
    {
        _server.Reset(ServerResponse.Of(200, BadCitation));
        using var client = NewClient(_server);

        var ex = await Assert.ThrowsAsync<CatchAllSerializationException>(() => client.Jobs.GetJobResultsAsync(OperationCases.Job));

        Assert.Equal("$.all_records[0].citations[0].title", ex.JsonPath);
    }

    [Fact]
    public async Task Wrong_type_deep_in_a_response_gives_the_real_line_and_byte()
    {
        // Two lines, so a position counted from the start of the body could not pass for one within its line.
        var body = "{\"job_id\":\"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c\",\n" + BadCitation.Substring(BadCitation.IndexOf("\"all_records\"", StringComparison.Ordinal));
        _server.Reset(ServerResponse.Of(200, body));
        using var client = NewClient(_server);

        var ex = await Assert.ThrowsAsync<CatchAllSerializationException>(() => client.Jobs.GetJobResultsAsync(OperationCases.Job));

        var secondLine = body.Substring(body.IndexOf('\n', StringComparison.Ordinal) + 1);
        Assert.Contains($"(line 2, byte {secondLine.IndexOf("42", StringComparison.Ordinal)})", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.LineNumber);
    }

    [Fact]
    public async Task Empty_success_body_where_json_is_expected_is_a_serialization_error()
    {
        _server.Reset(ServerResponse.Of(200, string.Empty));
        using var client = NewClient(_server);

        var ex = await Assert.ThrowsAsync<CatchAllSerializationException>(() => client.Jobs.GetJobStatusAsync(OperationCases.Job));

        Assert.Equal("getJobStatus", ex.OperationId);
    }

    [Fact]
    public async Task Html_success_body_is_a_serialization_error()
    {
        _server.Reset(ServerResponse.Of(200, "<html>maintenance</html>"));
        using var client = NewClient(_server);

        await Assert.ThrowsAsync<CatchAllSerializationException>(() => client.Meta.HealthCheckAsync());
    }

    public void Dispose() => _server.Dispose();
}
