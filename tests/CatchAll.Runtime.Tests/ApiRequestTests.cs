using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class ApiRequestTests
{
    [Fact]
    public void Path_parameters_escape_reserved_characters_including_slash()
    {
        var request = new ApiRequest(HttpMethod.Get, "getJobStatus");
        request.AppendPath("/catchAll/status/");
        request.AppendPathParameter("a/b c?#%é");

        Assert.Equal("/catchAll/status/a%2Fb%20c%3F%23%25%C3%A9", request.PathAndQuery);
    }

    [Fact]
    public void Literal_path_text_is_kept_as_is()
    {
        var request = new ApiRequest(HttpMethod.Get, "op");
        request.AppendPath("/catchAll/jobs/user");

        Assert.Equal("/catchAll/jobs/user", request.PathAndQuery);
    }

    [Fact]
    public void Query_names_and_values_are_escaped_and_nulls_skipped()
    {
        var request = new ApiRequest(HttpMethod.Get, "listJobs");
        request.AppendPath("/catchAll/jobs/user");
        request.AddQuery("page", "2");
        request.AddQuery("skipped", (string?)null);
        request.AddQuery("q", "x&y=z +é");
        request.AddQuery("odd name", "1");

        Assert.Equal("/catchAll/jobs/user?page=2&q=x%26y%3Dz%20%2B%C3%A9&odd%20name=1", request.PathAndQuery);
    }

    [Fact]
    public void Query_sequences_repeat_the_name_and_skip_null_sequences_and_items()
    {
        var request = new ApiRequest(HttpMethod.Get, "op");
        request.AppendPath("/x");
        request.AddQuery("ids", new[] { "1", null!, "a b" });
        request.AddQuery("none", (string[]?)null);

        Assert.Equal("/x?ids=1&ids=a%20b", request.PathAndQuery);
    }

    [Fact]
    public void Headers_skip_null_values_and_keep_order()
    {
        var request = new ApiRequest(HttpMethod.Get, "op");
        request.AddHeader("X-One", "1");
        request.AddHeader("X-None", null);
        request.AddHeader("X-Two", "2");

        Assert.Equal(new[] { "X-One", "X-Two" }, request.Headers.Select(h => h.Key));
        Assert.Equal("2", request.Headers[1].Value);
    }

    [Fact]
    public void Invalid_arguments_are_rejected_with_clear_exceptions()
    {
        var request = new ApiRequest(HttpMethod.Get, "op");

        Assert.Throws<ArgumentException>(() => request.AppendPathParameter(""));
        Assert.Throws<ArgumentNullException>(() => request.AppendPathParameter(null!));
        Assert.Throws<ArgumentException>(() => request.AddQuery("", "v"));
        Assert.Throws<ArgumentNullException>(() => new ApiRequest(null!, "op"));
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, ""));
    }

    [Fact]
    public void A_request_has_one_body_kind()
    {
        var json = new ApiRequest(HttpMethod.Post, "op");
        json.SetJsonBody(new CreateJobBody { Query = "q" }, TestJson.Default.CreateJobBody);
        Assert.Throws<InvalidOperationException>(() => json.AddMultipartField("f", "v"));

        var form = new ApiRequest(HttpMethod.Post, "op");
        form.AddMultipartField("f", "v");
        Assert.Throws<InvalidOperationException>(() => form.SetJsonBody(new CreateJobBody(), TestJson.Default.CreateJobBody));
    }

    [Fact]
    public void Body_is_replayable_unless_a_file_stream_cannot_seek()
    {
        var seekable = new ApiRequest(HttpMethod.Post, "op");
        seekable.AddMultipartFile("file", new MemoryStream(new byte[] { 1 }), "a.bin");
        Assert.True(seekable.IsBodyReplayable);
        Assert.True(seekable.HasBody);

        var oneShot = new ApiRequest(HttpMethod.Post, "op");
        oneShot.AddMultipartFile("file", new NonSeekableStream(new byte[] { 1 }), "a.bin");
        Assert.False(oneShot.IsBodyReplayable);

        Assert.False(new ApiRequest(HttpMethod.Get, "op").HasBody);
    }

    [Fact]
    public void Null_multipart_field_adds_no_body()
    {
        var request = new ApiRequest(HttpMethod.Post, "op");
        request.AddMultipartField("f", null);

        Assert.False(request.HasBody);
    }
}
