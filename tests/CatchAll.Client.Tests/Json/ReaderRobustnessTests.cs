using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>The converters must cope with how JSON can legally arrive, not only with how the examples are written.</summary>
public sealed class ReaderRobustnessTests
{
    /// <summary>
    /// Streaming reads hand the converters small buffers; the union converter looks ahead for its discriminator and
    /// the models skip unknown members, both of which break if they assume the whole payload is in memory.
    /// </summary>
    [Fact]
    public async Task Every_example_reads_the_same_from_a_stream_in_tiny_buffers()
    {
        var options = new JsonSerializerOptions(CatchAllClientJson.Options) { DefaultBufferSize = 1 };
        var failures = new System.Collections.Generic.List<string>();
        foreach (var example in SpecExamples.All.Examples.Where(e => e.Type.IsClass))
        {
            var json = example.Json.ToJsonString();
            try
            {
                await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
                var value = await JsonSerializer.DeserializeAsync(stream, options.GetTypeInfo(example.Type));
                var diffs = JsonSemantic.Differences(json, Generated.Write(value, example.Type));
                if (diffs.Count > 0)
                {
                    failures.Add(example + ": " + string.Join("; ", diffs));
                }
            }
            catch (Exception ex)
            {
                failures.Add(example + ": " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Union_with_late_discriminator_reads_from_a_stream_in_tiny_buffers()
    {
        const string json = """{"name":"n","url":"https://hooks.example.com/h","auth":{"password":"p","extra":{"deep":[1,2,{"x":"y"}]},"username":"u","type":"basic"}}""";
        var options = new JsonSerializerOptions(CatchAllClientJson.Options) { DefaultBufferSize = 1 };
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var request = await JsonSerializer.DeserializeAsync(stream, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<CreateWebhookRequest>)options.GetTypeInfo(typeof(CreateWebhookRequest)));

        var basic = Assert.IsType<BasicAuth>(request!.Auth);
        Assert.Equal("u", basic.Username);
        Assert.Equal("p", basic.Password);
    }

    [Fact]
    public void Escaped_member_names_and_values_are_read()
    {
        var status = Generated.Read<StatusResponse>("""{"job\u005fid":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","st\u0061tus":"\u0063ompleted"}""");

        Assert.Equal(SampleValues.SampleGuid, status.JobId);
        Assert.Equal(PublicJobStatus.Completed, status.Status);
    }

    [Fact]
    public void Escaped_discriminator_selects_the_variant()
    {
        var request = Generated.Read<CreateWebhookRequest>("""{"name":"n","url":"u","auth":{"\u0074ype":"api\u005fkey","header":"h","value":"v"}}""");

        Assert.IsType<ApiKeyAuth>(request.Auth);
    }

    [Fact]
    public void Integer_out_of_range_is_a_json_error_naming_the_member()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => Generated.Read<PullJobResponse>("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","limit":3000000000}"""));

        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_number_written_with_a_fraction_is_rejected_for_an_integer()
    {
        Assert.ThrowsAny<JsonException>(() => Generated.Read<PullJobResponse>("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","limit":10.5}"""));
    }

    [Fact]
    public void Number_members_accept_integers_and_exponents()
    {
        var feature = Generated.Read<PlanFeature>("""{"name":"n","code":"c","current_usage":1e3}""");

        Assert.Equal(1000.0, feature.CurrentUsage);
    }
}
