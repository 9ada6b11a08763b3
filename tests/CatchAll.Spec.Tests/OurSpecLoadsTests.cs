using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.TestSupport;
using Microsoft.OpenApi;
using Xunit;

namespace CatchAll.Spec.Tests;

public sealed class OurSpecLoadsTests
{
    [Fact]
    public async Task Loads_with_the_yaml_reader_without_errors()
    {
        var result = await SpecDocuments.LoadAsync(RepoPaths.BundledSpec);

        var errors = result.Diagnostic?.Errors.Select(e => e.ToString()).ToList() ?? [];
        Assert.True(errors.Count == 0, "Reader errors:\n" + string.Join("\n", errors));
        Assert.NotNull(result.Document);
    }

    [Fact]
    public async Task Has_57_operations_in_7_tags_at_version_1_6_3()
    {
        var doc = await SpecDocuments.LoadDocumentAsync(RepoPaths.BundledSpec);

        var operations = ContractFacts.Operations(doc).ToList();
        var usedTags = operations.SelectMany(o => o.Operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).Distinct().ToList();
        var declaredTags = (doc.Tags ?? new HashSet<OpenApiTag>()).Select(t => t.Name).ToList();

        Assert.Equal("1.6.3", doc.Info.Version);
        Assert.Equal(57, operations.Count);
        Assert.Equal(7, usedTags.Count);
        Assert.Equal(
            new[] { "Jobs", "Monitors", "Webhooks", "Entities", "Datasets", "Projects", "Meta" },
            declaredTags);
        Assert.Empty(usedTags.Except(declaredTags));
    }
}
