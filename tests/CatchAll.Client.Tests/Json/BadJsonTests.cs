using System;
using System.Text.Json;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>A wrong value deep in a payload fails with a JsonException that says where, so a contract drift is diagnosable.</summary>
public sealed class BadJsonTests
{
    private const string Prefix = """{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","all_records":[""";
    private const string GoodRecord = """{"record_id":"1","record_title":"t","enrichment":{},"citations":[{"title":"a","link":"https://x.example/a","published_date":"2026-02-17T14:01:05Z"}]}""";

    [Fact]
    public void Number_for_a_citation_title_names_the_full_path()
    {
        var json = Prefix + """{"record_id":"1","record_title":"t","enrichment":{},"citations":[{"title":42,"link":"https://x.example/a","published_date":"2026-02-17T14:01:05Z"}]}]}""";

        var ex = Assert.ThrowsAny<JsonException>(() => Generated.Read<PullJobResponse>(json));

        Assert.True(ex.Message.Contains("all_records[0].citations[0].title", StringComparison.Ordinal), "Message: " + ex.Message + " Path: " + ex.Path);
        Assert.Equal("$.all_records[0].citations[0].title", ex.Path);
    }

    [Fact]
    public void The_index_in_the_path_is_the_index_of_the_bad_item()
    {
        var json = Prefix + GoodRecord + "," + """{"record_id":"2","record_title":"t","enrichment":{},"citations":[{"title":"a","link":"https://x.example/a","published_date":"2026-02-17T14:01:05Z"},{"title":"b","link":"https://x.example/b","published_date":"yesterday"}]}]}""";

        var ex = Assert.ThrowsAny<JsonException>(() => Generated.Read<PullJobResponse>(json));

        Assert.True(ex.Message.Contains("all_records[1].citations[1].published_date", StringComparison.Ordinal), "Message: " + ex.Message + " Path: " + ex.Path);
    }

    [Fact]
    public void String_for_an_integer_names_the_member()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => Generated.Read<PullJobResponse>("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","limit":"ten"}"""));

        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.limit", ex.Path);
    }

    [Fact]
    public void Missing_required_member_deep_inside_names_it()
    {
        var json = Prefix + """{"record_id":"1","record_title":"t","enrichment":{},"citations":[{"title":"a","published_date":"2026-02-17T14:01:05Z"}]}]}""";

        var ex = Assert.ThrowsAny<JsonException>(() => Generated.Read<PullJobResponse>(json));

        Assert.Contains("link", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Contains("all_records[0].citations[0]", StringComparison.Ordinal), "Message: " + ex.Message + " Path: " + ex.Path);
    }

    [Fact]
    public void Null_for_a_required_non_nullable_member_is_rejected()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => Generated.Read<SubmitResponse>("""{"job_id":null}"""));

        Assert.Contains("job_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Array_where_an_object_is_expected_is_rejected()
    {
        Assert.ThrowsAny<JsonException>(() => Generated.Read<StatusResponse>("[]"));
        Assert.ThrowsAny<JsonException>(() => Generated.Read<StatusResponse>("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","steps":{"status":"submitted"}}"""));
    }

    [Fact]
    public void Truncated_json_is_rejected()
    {
        Assert.ThrowsAny<JsonException>(() => Generated.Read<StatusResponse>("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","steps":[{"status":"submitted","""));
    }
}
