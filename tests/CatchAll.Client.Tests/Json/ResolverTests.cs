using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>CatchAllClientJson knows every generated type, offers an accessor for each, and combines with other resolvers.</summary>
public sealed class ResolverTests
{
    [Fact]
    public void Every_generated_model_type_resolves_and_has_a_matching_accessor()
    {
        var models = Generated.Assembly.GetTypes()
            .Where(t => t.Namespace == Generated.ModelsNamespace && t.IsPublic && !t.IsNested && !t.IsSubclassOf(typeof(Exception)))
            .ToList();
        var accessors = typeof(CatchAllClientJson).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .ToDictionary(p => p.PropertyType.GetGenericArguments()[0]);

        var failures = new List<string>();
        foreach (var type in models)
        {
            try
            {
                var info = CatchAllClientJson.Options.GetTypeInfo(type);
                if (info.Type != type)
                {
                    failures.Add(type.Name + ": resolves to " + info.Type.Name);
                }
            }
            catch (Exception ex)
            {
                failures.Add(type.Name + ": " + ex.GetType().Name + ": " + ex.Message);
            }

            if (!accessors.TryGetValue(type, out var accessor))
            {
                failures.Add(type.Name + ": no CatchAllClientJson." + type.Name + " accessor");
            }
            else if (accessor.GetValue(null) is not JsonTypeInfo info || info.Type != type)
            {
                failures.Add(type.Name + ": accessor returns the wrong metadata");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(models.Count >= 100, "Only " + models.Count + " model types found.");
    }

    /// <summary>
    /// The known variants serialize on their own (Serialize(x, x.GetType(), Options)); the catch-all variant that
    /// keeps an unknown "type" should too, or code that serializes by runtime type fails only for new auth kinds.
    /// </summary>
    [Fact]
    public void Unknown_union_variant_serializes_by_its_runtime_type_like_the_known_ones()
    {
        const string auth = """{"type":"oauth2","client_id":"c"}""";
        var unknown = Generated.Read<WebhookAuth>(auth);
        var known = Generated.Read<WebhookAuth>("""{"type":"bearer","token":"t"}""");

        Assert.Equal("""{"type":"bearer","token":"t"}""", JsonSerializer.Serialize(known, known.GetType(), CatchAllClientJson.Options));
        Assert.Equal(auth, JsonSerializer.Serialize(unknown, unknown.GetType(), CatchAllClientJson.Options));
    }

    [Fact]
    public void Accessor_and_generic_lookup_agree()
    {
        Assert.Same(CatchAllClientJson.TypeInfo<SubmitRequest>(), CatchAllClientJson.SubmitRequest);
        Assert.Same(CatchAllClientJson.Options, CatchAllClientJson.SubmitRequest.Options);
        Assert.True(CatchAllClientJson.Options.IsReadOnly);
    }

    [Fact]
    public void Combined_with_another_resolver_the_generated_converters_still_apply_inside_other_types()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(CatchAllClientJson.Resolver, new DefaultJsonTypeInfoResolver()) };
        var envelope = new Envelope
        {
            Jobs = [new SubmitRequest { Query = "q", Mode = Mode.Lite }],
            ById = new Dictionary<string, StatusResponse> { ["a"] = new() { JobId = SampleValues.SampleGuid, Status = new PublicJobStatus("paused") } },
        };

        var json = JsonSerializer.Serialize(envelope, options);
        var back = JsonSerializer.Deserialize<Envelope>(json, options)!;

        JsonSemantic.AssertEquivalent(
            """{"Jobs":[{"query":"q","mode":"lite"}],"ById":{"a":{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","status":"paused"}}}""",
            json);
        Assert.Equal("paused", back.ById!["a"].Status.ToString());
        Assert.Equal(Mode.Lite, back.Jobs![0].Mode);
    }

    /// <summary>A caller's own type that holds generated models.</summary>
    public sealed class Envelope
    {
        public List<SubmitRequest>? Jobs { get; set; }

        public Dictionary<string, StatusResponse>? ById { get; set; }
    }
}
