using System.Linq;
using System.Text.Json;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>What a newer API adds (enum values, members) must be read, kept and written back, never dropped or rejected.</summary>
public sealed class OpenEnumAndUnknownMemberTests
{
    [Fact]
    public void Unknown_job_status_reads_as_an_unknown_value_and_writes_back_verbatim()
    {
        const string json = """{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"paused","steps":[{"status":"paused","order":8,"completed":false}]}""";

        var status = Generated.Read<StatusResponse>(json);

        Assert.NotNull(status.Status);
        var value = status.Status!.Value;
        Assert.False(value.IsKnown);
        Assert.Equal("paused", value.ToString());
        Assert.NotEqual(PublicJobStatus.Completed, value);
        Assert.DoesNotContain(value, PublicJobStatus.KnownValues);
        Assert.False(status.Steps![0].Status.IsKnown);
        JsonSemantic.AssertEquivalent(json, Generated.Write(status));
    }

    [Fact]
    public void Known_job_status_reads_as_the_declared_member()
    {
        var status = Generated.Read<StatusResponse>("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"enriching"}""");

        Assert.Equal(PublicJobStatus.Enriching, status.Status);
        Assert.True(status.Status!.Value.IsKnown);
    }

    [Fact]
    public void Enum_values_differing_only_in_case_are_not_the_known_value()
    {
        // The API's values are lower-case; a "Completed" from somewhere else must not pass for the real thing.
        var status = Generated.Read<StatusResponse>("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"Completed"}""");

        Assert.False(status.Status!.Value.IsKnown);
        Assert.NotEqual(PublicJobStatus.Completed, status.Status);
        Assert.Equal("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"Completed"}""", Generated.Write(status));
    }

    [Fact]
    public void Unknown_members_survive_at_every_level_of_a_response()
    {
        const string json = """
            {"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","cost":{"credits":12.5,"currency":"USD"},
             "all_records":[{"record_id":"1","record_title":"t","enrichment":{"enrichment_confidence":"high","custom_field":[1,"two",null]},
               "citations":[{"title":"a","link":"https://x.example/a","published_date":"2026-02-17T14:01:05Z","language":"en"}],
               "score":0.75}],
             "date_range":{"start_date":"2026-02-18T00:00:00Z","timezone":"UTC"}}
            """;

        var pull = Generated.Read<PullJobResponse>(json);

        Assert.Equal(JsonValueKind.Object, pull.AdditionalProperties["cost"].ValueKind);
        var record = Assert.Single(pull.AllRecords!);
        Assert.Equal(0.75, record.AdditionalProperties["score"].GetDouble());
        Assert.Equal(JsonValueKind.Array, record.Enrichment.AdditionalProperties["custom_field"].ValueKind);
        Assert.Equal("en", record.Citations[0].AdditionalProperties["language"].GetString());
        Assert.Equal("UTC", pull.DateRange!.AdditionalProperties["timezone"].GetString());
        JsonSemantic.AssertEquivalent(json, Generated.Write(pull));
    }

    [Fact]
    public void Added_unknown_members_are_written_and_do_not_shadow_declared_ones()
    {
        var request = new SubmitRequest { Query = "q" };
        request.AdditionalProperties["beta_flag"] = JsonDocument.Parse("true").RootElement;

        JsonSemantic.AssertEquivalent("""{"query":"q","beta_flag":true}""", Generated.Write(request));
    }

    [Fact]
    public void An_extra_member_under_a_declared_name_is_not_written_a_second_time()
    {
        // Sent twice, a server would most likely keep the last value: here the limit the API rejects.
        var request = new SubmitRequest { Query = "q", Limit = 50 };
        request.AdditionalProperties["limit"] = JsonDocument.Parse("0").RootElement;
        request.AdditionalProperties["query"] = JsonDocument.Parse("\"other\"").RootElement;
        request.AdditionalProperties["beta_flag"] = JsonDocument.Parse("true").RootElement;

        Assert.Equal("""{"query":"q","limit":50,"beta_flag":true}""", Generated.Write(request));

        // The same for a union variant's discriminator, which no property declares.
        var bearer = new BearerAuth { Token = "t" };
        bearer.AdditionalProperties["type"] = JsonDocument.Parse("\"basic\"").RootElement;
        Assert.Equal("""{"type":"bearer","token":"t"}""", Generated.Write<WebhookAuth>(bearer));
    }

    [Fact]
    public void Any_typed_member_keeps_an_explicit_null()
    {
        const string json = """{"success":false,"message":"m","response_body":null}""";

        var result = Generated.Read<TestWebhookResponse>(json);

        JsonSemantic.AssertEquivalent(json, Generated.Write(result));
    }

    [Fact]
    public void Open_enum_values_built_in_code_write_their_wire_text()
    {
        var unknown = new PublicJobStatus("paused");

        Assert.Equal("\"paused\"", JsonSerializer.Serialize(unknown, CatchAllClientJson.TypeInfo<PublicJobStatus>()));
        Assert.Equal(new PublicJobStatus("completed"), PublicJobStatus.Completed);
        Assert.True(PublicJobStatus.KnownValues.All(v => v.IsKnown));
    }
}
