using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CatchAll.Client.Tests.Support;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>
/// The generated converters must read and write payloads the way System.Text.Json's reflection serializer reads
/// and writes the same model types (driven by their [JsonPropertyName], [JsonExtensionData] and [JsonConverter]
/// attributes). Open enums and unions carry [JsonConverter] attributes naming generated converters, so for
/// those both sides agree by construction; what is compared is every object's members, names and formats.
/// </summary>
public sealed class ReflectionDifferentialTests
{
    private static readonly JsonSerializerOptions Reflection = CreateReflectionOptions();

    private static readonly JsonSerializerOptions ReflectionWrite = CreateReflectionOptions(writing: true);

    /// <summary>Payloads the reflection serializer cannot read faithfully into the generated types, and why. Keep it short.</summary>
    private static readonly IReadOnlyDictionary<string, string> ReflectionCannotRead = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["test webhook with null body"] =
            "response_body is JsonElement? (any JSON). Reflection maps JSON null to a null Nullable<JsonElement>, losing the "
            + "member; the generated converter keeps a JsonElement of kind Null and writes it back. The generated side is "
            + "checked on its own in OpenEnumAndUnknownMemberTests.",
    };

    [Fact]
    public void Spec_examples_read_the_same_with_reflection_and_with_generated_converters()
    {
        var payloads = Payloads();

        var failures = new List<string>();
        var compared = 0;
        foreach (var (name, type, json) in payloads)
        {
            if (ReflectionCannotRead.ContainsKey(name))
            {
                continue;
            }

            string viaGenerated;
            string viaReflection;
            try
            {
                viaGenerated = Generated.Write(Generated.Read(json, type), type);
            }
            catch (Exception ex)
            {
                failures.Add($"{name}: generated read failed: {ex.Message}");
                continue;
            }

            try
            {
                viaReflection = Generated.Write(JsonSerializer.Deserialize(json, type, Reflection), type);
            }
            catch (Exception ex)
            {
                failures.Add($"{name}: reflection read failed: {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            compared++;
            var diffs = JsonSemantic.Differences(viaReflection, viaGenerated);
            if (diffs.Count > 0)
            {
                failures.Add($"{name}: reflection (expected) vs generated (actual):\n    " + string.Join("\n    ", diffs));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} payloads disagree:\n" + string.Join("\n", failures));
        Assert.True(compared >= 50, "Only " + compared + " payloads compared.");
    }

    [Fact]
    public void Spec_examples_write_the_same_with_reflection_and_with_generated_converters()
    {
        var failures = new List<string>();
        var compared = 0;
        foreach (var (name, type, json) in Payloads())
        {
            if (ReflectionCannotRead.ContainsKey(name))
            {
                continue;
            }

            // One object, read once, written by each side.
            var value = Generated.Read(json, type);
            string viaGenerated;
            string viaReflection;
            try
            {
                viaGenerated = Generated.Write(value, type);
                viaReflection = JsonSerializer.Serialize(value, type, ReflectionWrite);
            }
            catch (Exception ex)
            {
                failures.Add($"{name}: write failed: {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            compared++;

            // Reflection cannot tell a null that was sent from one never set and leaves both out; the generated
            // writer keeps the sent one (checked in OpenEnumAndUnknownMemberTests). Nothing else may differ.
            var diffs = JsonSemantic.Differences(viaReflection, viaGenerated).Where(d => !d.EndsWith(": unexpected member null/absent", StringComparison.Ordinal)).ToList();
            if (diffs.Count > 0)
            {
                failures.Add($"{name}: reflection (expected) vs generated (actual):\n    " + string.Join("\n    ", diffs));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} payloads disagree:\n" + string.Join("\n", failures));
        Assert.True(compared >= 50, "Only " + compared + " payloads compared.");
    }

    [Fact]
    public void Reflection_options_really_use_reflection()
    {
        // Guards the differential itself: if the reflection options silently picked up the generated resolver,
        // both sides would agree by construction.
        Assert.IsType<DefaultJsonTypeInfoResolver>(Reflection.TypeInfoResolver);
        Assert.NotSame(CatchAllClientJson.Options, Reflection);
        var info = Reflection.GetTypeInfo(typeof(CatchAll.Models.SubmitRequest));
        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
        Assert.Contains(info.Properties, p => p.Name == "start_date");
    }

    private static List<(string Name, Type Type, string Json)> Payloads() =>
        SpecExamples.All.Examples
            .Where(e => e.Type.IsClass && !e.Type.IsAbstract)
            .Select(e => (Name: e.ToString(), e.Type, Json: e.Json.ToJsonString()))
            .Concat(ExtraPayloads())
            .ToList();

    /// <summary>Hand-made payloads for shapes the examples lack: unknown members, explicit nulls, unknown enum and union values.</summary>
    private static IEnumerable<(string Name, Type Type, string Json)> ExtraPayloads()
    {
        yield return ("status with unknown stage and member", typeof(CatchAll.Models.StatusResponse),
            """{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"paused","steps":[{"status":"paused","order":8,"completed":false,"eta":"soon"}],"queue_position":3}""");
        yield return ("pull with nulls and connected entities", typeof(CatchAll.Models.PullJobResponse),
            """{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","error":null,"progress_validated":null,"sharing_info":null,"all_records":[{"record_id":"1","record_title":"t","enrichment":{"enrichment_confidence":null,"amount":1.5},"citations":[{"title":"a","link":"https://x.example/a","published_date":"2025-01-01T10:00:00"}],"connected_entities":[{"entity_id":"e1f2a3b4-c5d6-7890-abcd-ef1234567890","name":"Tesla","type":"company","ed_score":8,"relation":"r","company":{"domain":null,"key_persons":null}}]}]}""");
        yield return ("webhook create with each auth kind", typeof(CatchAll.Models.CreateWebhookRequest),
            """{"name":"n","url":"https://x.example/h","auth":{"type":"basic","username":"u","password":"p","realm":"r"},"formatter_config":{"template":{"a":1}},"extra":[1,2]}""");
        yield return ("webhook create with unknown auth", typeof(CatchAll.Models.CreateWebhookRequest),
            """{"name":"n","url":"https://x.example/h","auth":{"type":"oauth2","client_id":"c"}}""");
        yield return ("webhook patch with explicit nulls", typeof(CatchAll.Models.UpdateWebhookRequest),
            """{"formatter_config":null,"auth":{"type":"api_key","header":"x-k","value":"v"},"headers":{"a":"b"},"is_active":false}""");
        yield return ("monitor history with null list", typeof(CatchAll.Models.MonitorStatusHistoryResponse),
            """{"success":false,"message":"gone","monitor_id":null,"total_statuses":null,"statuses":null}""");
        yield return ("validation error with mixed loc", typeof(CatchAll.Models.ValidationErrorResponse),
            """{"detail":[{"loc":["body",0,"limit"],"msg":"too small","type":"value_error","ctx":{"limit_value":10}}]}""");
        yield return ("test webhook with object body", typeof(CatchAll.Models.TestWebhookResponse),
            """{"success":false,"message":"m","http_status_code":500,"response_body":{"error":"boom"}}""");
        yield return ("test webhook with null body", typeof(CatchAll.Models.TestWebhookResponse),
            """{"success":false,"message":"m","response_body":null}""");
    }

    private static JsonSerializerOptions CreateReflectionOptions(bool writing = false)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (writing)
        {
            resolver.Modifiers.Add(OptionalConverterFactory.OmitAbsent);
        }

        // Writing: the generated writer leaves out what was never set, which for reflection is a null.
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            DefaultIgnoreCondition = writing ? JsonIgnoreCondition.WhenWritingNull : JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new OptionalConverterFactory());
        options.MakeReadOnly();
        return options;
    }
}
