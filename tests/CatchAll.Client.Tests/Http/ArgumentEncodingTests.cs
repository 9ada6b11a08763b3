using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using CatchAll.Runtime;
using CatchAll.TestSupport;
using Microsoft.OpenApi;
using Xunit;
using static CatchAll.Client.Tests.Http.HttpTestSupport;

namespace CatchAll.Client.Tests.Http;

/// <summary>How arguments reach the wire beyond the per-operation cases: omitted optionals, escaping, Guid casing.</summary>
public sealed class ArgumentEncodingTests : IDisposable
{
    private readonly LoopbackServer _server = new();

    public static TheoryData<string> OperationIds() => OperationHttpTests.OperationIds();

    /// <summary>
    /// Each operation called with only its required arguments (optional ones left at their defaults): the query
    /// holds only required parameters, an optional body is not sent, an optional multipart field is not sent.
    /// </summary>
    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Optional_arguments_left_out_are_not_sent(string operationId)
    {
        var op = Spec.Operation(operationId);
        var method = Generated.WithResponseMethod(operationId)!;
        using var client = NewClient(_server);
        var target = typeof(CatchAllClient).GetProperties().Single(p => p.PropertyType == method.DeclaringType).GetValue(client);
        var (status, body) = CannedSuccess(op, OperationCases.ById[operationId]);
        _server.Reset(ServerResponse.Of(status, body));

        var args = method.GetParameters().Select(MinimalArgument).ToArray();
        var task = (Task)method.Invoke(target, args)!;
        await task;

        var request = _server.SingleRequest();
        var required = HttpTestSupport.Parameters(op, ParameterLocation.Query).Where(p => p.Required).Select(p => p.Name!).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(required, request.RawQueryPairs.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));

        var bodyParameter = method.GetParameters().FirstOrDefault(p => p.Name == "body");
        if (bodyParameter is { HasDefaultValue: true })
        {
            Assert.Empty(request.Body);
        }

        if (request.Header("Content-Type") is { } contentType && contentType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var names = Multipart.Parse(contentType, request.Body).Select(p => p.Name).ToList();
            var requiredFields = op.Operation.RequestBody!.Content!["multipart/form-data"].Schema!.Required ?? new HashSet<string>();
            Assert.Equal(requiredFields.OrderBy(n => n, StringComparer.Ordinal), names.OrderBy(n => n, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Path_parameters_are_escaped_so_they_stay_one_segment()
    {
        _server.Reset(ServerResponse.Of(204, null));
        using var client = NewClient(_server);

        await client.Webhooks.RemoveWebhookResourceAsync(OperationCases.Webhook, new MappableResourceType("monitor group/2?x=1#%"), OperationCases.Resource);

        Assert.Equal(
            "/catchAll/webhooks/a1b2c3d4-e5f6-7890-abcd-ef1234567890/resources/monitor%20group%2F2%3Fx%3D1%23%25/3fec5b07-8786-46d7-9486-d43ff67eccd4",
            _server.SingleRequest().RawUrl);
    }

    [Fact]
    public async Task Query_enums_go_by_wire_value_and_unknown_ones_are_escaped()
    {
        var (status, body) = CannedSuccess(Spec.Operation("listWebhookResources"), OperationCases.ById["listWebhookResources"]);
        _server.Reset(ServerResponse.Of(status, body));
        using var client = NewClient(_server);

        await client.Webhooks.ListWebhookResourcesAsync(OperationCases.Webhook, resourceType: new MappableResourceType("a&b=c"));
        await client.Webhooks.ListWebhookResourcesAsync(OperationCases.Webhook, resourceType: MappableResourceType.MonitorGroup);

        var targets = _server.Requests.Select(r => r.RawQuery).ToList();
        Assert.Equal(new[] { "resource_type=a%26b%3Dc", "resource_type=monitor_group" }, targets);
    }

    [Fact]
    public async Task Guids_in_path_and_query_are_lower_case()
    {
        var (status, body) = CannedSuccess(Spec.Operation("getWebhookDeliveryHistory"), OperationCases.ById["getWebhookDeliveryHistory"]);
        _server.Reset(ServerResponse.Of(status, body));
        using var client = NewClient(_server);
        var id = Guid.Parse("ABCDEF01-2345-6789-ABCD-EF0123456789");

        await client.Webhooks.GetWebhookDeliveryHistoryAsync(MappableResourceType.Job, id);

        Assert.Equal("/catchAll/webhook-history?resource_type=job&resource_id=abcdef01-2345-6789-abcd-ef0123456789", _server.SingleRequest().RawUrl);
    }

    [Fact]
    public async Task Per_call_headers_are_sent_and_response_headers_are_exposed()
    {
        var (status, body) = CannedSuccess(Spec.Operation("getJobStatus"), OperationCases.ById["getJobStatus"]);
        _server.Reset(ServerResponse.Of(status, body, new Dictionary<string, string> { ["x-request-id"] = "req-42" }));
        using var client = NewClient(_server);

        var response = await client.Jobs.GetJobStatusWithResponseAsync(OperationCases.Job, new RequestOptions { Headers = { ["x-trace"] = "t-1" } });

        Assert.Equal("t-1", _server.SingleRequest().Header("x-trace"));
        Assert.Equal("req-42", Assert.Single(response.Headers["X-Request-Id"]));
    }

    [Fact]
    public async Task Non_seekable_upload_stream_is_sent_whole()
    {
        var (status, body) = CannedSuccess(Spec.Operation("uploadCSVToDataset"), OperationCases.ById["uploadCSVToDataset"]);
        _server.Reset(ServerResponse.Of(status, body));
        using var client = NewClient(_server);
        var payload = string.Concat(Enumerable.Repeat(OperationCases.CsvText, 2000));
        using var stream = new ForwardOnlyStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(payload)));

        await client.Datasets.UploadCsvToDatasetAsync(OperationCases.Dataset, stream, "big.csv");

        var request = _server.SingleRequest();
        var file = Assert.Single(Multipart.Parse(request.Header("Content-Type")!, request.Body));
        Assert.Equal(payload, file.Text);
    }

    [Fact]
    public async Task Upload_from_a_file_path_sends_the_file_name_and_content()
    {
        var (status, body) = CannedSuccess(Spec.Operation("createDatasetFromCsv"), OperationCases.ById["createDatasetFromCsv"]);
        _server.Reset(ServerResponse.Of(status, body));
        using var client = NewClient(_server);
        var path = Path.Combine(Path.GetTempPath(), "catchall-client-tests-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, OperationCases.CsvText);
        try
        {
            // The file-path overloads live on the concrete client only, not on IDatasetsClient.
            await ((DatasetsClient)client.Datasets).CreateDatasetFromCsvAsync(path, "From file");
        }
        finally
        {
            File.Delete(path);
        }

        var request = _server.SingleRequest();
        var parts = Multipart.Parse(request.Header("Content-Type")!, request.Body);
        Assert.Equal(Path.GetFileName(path), parts.Single(p => p.Name == "file").FileName);
        Assert.Equal(OperationCases.CsvText, parts.Single(p => p.Name == "file").Text);
        Assert.Equal("From file", parts.Single(p => p.Name == "name").Text);
        Assert.DoesNotContain(parts, p => p.Name == "description");
    }

    /// <summary>
    /// RFC 7578 (section 4.2) sends a non-ASCII file name as UTF-8 in the quoted filename, as browsers do; an RFC 2047
    /// encoded word ("=?utf-8?B?...?=") is not allowed inside a quoted string and multipart parsers such as the
    /// Python one behind FastAPI keep it literally, so the service would see a name that no longer ends in ".csv".
    /// </summary>
    [Fact]
    public async Task Non_ascii_upload_file_name_arrives_as_utf8()
    {
        var (status, body) = CannedSuccess(Spec.Operation("uploadCSVToDataset"), OperationCases.ById["uploadCSVToDataset"]);
        _server.Reset(ServerResponse.Of(status, body));
        using var client = NewClient(_server);

        await client.Datasets.UploadCsvToDatasetAsync(OperationCases.Dataset, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(OperationCases.CsvText)), "données 2026.csv");

        var request = _server.SingleRequest();
        Assert.Equal("données 2026.csv", Assert.Single(Multipart.Parse(request.Header("Content-Type")!, request.Body)).FileName);
    }

    public void Dispose() => _server.Dispose();

    private static object? MinimalArgument(ParameterInfo parameter)
    {
        if (parameter.HasDefaultValue)
        {
            return parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None : parameter.DefaultValue;
        }

        var type = parameter.ParameterType;
        if (type == typeof(Stream))
        {
            return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(OperationCases.CsvText));
        }

        if (type == typeof(string))
        {
            return parameter.Name == "fileName" ? "entities.csv" : "My Portfolio";
        }

        if (Generated.IsModel(type) && type.IsClass)
        {
            var instance = SampleValues.Create(type);
            SampleValues.FillRequired(instance);
            return instance;
        }

        return SampleValues.For(type);
    }

    /// <summary>A stream that cannot seek, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
