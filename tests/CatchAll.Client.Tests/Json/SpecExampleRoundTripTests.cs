using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Client.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CatchAll.Client.Tests.Json;

/// <summary>Every example the contract gives for a schema must read and write back unchanged with the generated metadata.</summary>
public sealed class SpecExampleRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_schema_example_round_trips_through_its_generated_type()
    {
        var examples = SpecExamples.All.Examples;
        var failures = new List<string>();
        foreach (var example in examples)
        {
            var json = example.Json.ToJsonString();
            try
            {
                var value = Generated.Read(json, example.Type);
                var written = Generated.Write(value, example.Type);
                var diffs = JsonSemantic.Differences(json, written);
                if (diffs.Count > 0)
                {
                    failures.Add(example + ":\n    " + string.Join("\n    ", diffs) + "\n    wrote " + written);
                }
            }
            catch (Exception ex)
            {
                failures.Add(example + ": " + ex.GetType().Name + ": " + ex.Message + "\n    json " + json);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {examples.Count} examples do not round-trip:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void The_example_walk_reaches_every_kind_of_example()
    {
        var locations = SpecExamples.All.Examples.Select(e => e.Location).ToList();
        foreach (var example in SpecExamples.All.Examples)
        {
            output.WriteLine(example + " " + example.Json.ToJsonString());
        }

        // A walk that silently found nothing would make the round-trip test pass vacuously.
        Assert.True(locations.Count >= 60, "Only " + locations.Count + " examples found:\n" + string.Join("\n", locations));
        Assert.Contains("components.schemas.ValidateQueryRequestDto.example", locations);
        Assert.Contains("components.schemas.CreateWebhookRequestDto.example", locations);
        Assert.Contains("components.schemas.BaseRecord.properties.enrichment.example", locations);
        Assert.Contains("components.responses.PullJobResponse.example", locations);
        Assert.Contains("components.responses.EntityBadRequestError.examples.missing_name", locations);
        Assert.Contains("paths./catchAll/submit.post.requestBody.example", locations);
    }

    [Fact]
    public void Every_spec_property_has_a_generated_property()
    {
        Assert.True(SpecExamples.All.MissingProperties.Count == 0, string.Join("\n", SpecExamples.All.MissingProperties));
    }

    [Fact]
    public void Only_plain_scalar_examples_are_left_without_a_generated_type()
    {
        var unmapped = SpecExamples.All.Unmapped;
        var allowed = new[] { "Query", "Context", "Limit", "StartDate", "EndDate" }
            .Select(n => "components.schemas." + n + ".example")
            .ToList();

        Assert.All(unmapped, u => Assert.Contains(allowed, a => u.StartsWith(a, StringComparison.Ordinal)));
    }
}
