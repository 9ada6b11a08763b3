using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Microsoft.OpenApi;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>A member the caller never set is not sent: no limit 0, no 0001-01-01, no empty Guid, no first enum member.</summary>
public sealed class UnsetIsNotZeroTests
{
    [Fact]
    public void Submit_with_only_the_query_is_exactly_the_query()
    {
        var json = Generated.Write(new SubmitRequest { Query = "Series B funding rounds" });

        Assert.Equal("""{"query":"Series B funding rounds"}""", json);
    }

    [Fact]
    public void Other_request_bodies_with_only_required_members_send_only_those()
    {
        Assert.Equal("""{"job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c"}""", Generated.Write(new ContinueRequest { JobId = SampleValues.SampleGuid }));
        Assert.Equal("""{"reference_job_id":"5f0c9087-85cb-4917-b3c7-e5a5eff73a0c","schedule":"every day"}""", Generated.Write(new CreateMonitorRequest { ReferenceJobId = SampleValues.SampleGuid, Schedule = "every day" }));
        Assert.Equal("""{"name":"NewsCatcher"}""", Generated.Write(new CreateEntityRequest { Name = "NewsCatcher" }));
        Assert.Equal("{}", Generated.Write(new ListDatasetEntitiesRequest()));
        Assert.Equal("{}", Generated.Write(new EnableMonitorRequest()));
    }

    /// <summary>
    /// For every object schema of the spec: an instance with just its required members set writes exactly the
    /// spec's required members. Catches optional members written as zero, 0001-01-01, an empty Guid, false or an
    /// enum's first value, and required members that are silently dropped.
    /// </summary>
    [Fact]
    public void Every_model_with_only_required_members_writes_exactly_the_required_members()
    {
        var failures = new List<string>();
        var checkedModels = 0;
        foreach (var (name, schema) in Spec.Document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            var type = Generated.ModelType(name);
            if (type is null || !type.IsClass || type.IsAbstract)
            {
                continue;
            }

            checkedModels++;
            var expected = RequiredNames(schema).OrderBy(n => n, StringComparer.Ordinal).ToList();
            try
            {
                var instance = SampleValues.Create(type);
                SampleValues.FillRequired(instance);
                var written = Generated.Write(instance, type);
                var obj = (JsonObject)JsonNode.Parse(written)!;
                var actual = obj.Select(p => p.Key).OrderBy(n => n, StringComparer.Ordinal).ToList();
                if (!expected.SequenceEqual(actual))
                {
                    failures.Add($"{name}: spec requires [{string.Join(", ", expected)}], wrote {written}");
                }

                // Every required member got a sample value, so a null here means the value was lost on the way out.
                foreach (var (key, value) in obj)
                {
                    if (value is null)
                    {
                        failures.Add($"{name}.{key}: set but written as null in {written}");
                    }
                }
            }
            catch (Exception ex)
            {
                failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedModels >= 80, "Only " + checkedModels + " models checked.");
    }

    [Fact]
    public void Reading_a_body_without_optional_members_leaves_them_unset()
    {
        var submit = Generated.Read<SubmitRequest>("""{"query":"q"}""");

        Assert.Null(submit.Limit);
        Assert.Null(submit.StartDate);
        Assert.Null(submit.ProjectId);
        Assert.Null(submit.Mode);
        Assert.Null(submit.WebhookIds);
        Assert.Null(submit.FetchAllWatchlistNews);
        Assert.Equal("""{"query":"q"}""", Generated.Write(submit));
    }

    private static IEnumerable<string> RequiredNames(IOpenApiSchema schema)
    {
        var names = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        foreach (var member in schema.AllOf ?? new List<IOpenApiSchema>())
        {
            names.UnionWith(RequiredNames(member));
        }

        return names;
    }
}
