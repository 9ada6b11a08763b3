using System.IO;
using System.Linq;
using System.Threading;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// x-catchall-singular on a tag (Specs/SingularOverride.yaml): the spec, not the generator's word list, decides the
/// singular that prefixes the tag's clashing type names.
/// </summary>
public sealed class SingularOverrideTests
{
    private const string File = "SingularOverride.yaml";

    private static readonly string Text = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Specs, File));

    private static ParseResult Parse() => SpecParser.Parse(new SpecInput(File, Text, "SingularOverride", "SingularOverrideClient"), CancellationToken.None);

    private static SpecModel Model => Parse().Model!;

    [Fact]
    public void The_tags_singular_prefixes_a_clashing_schema_instead_of_the_word_lists()
    {
        // The word list keeps Octopi (no trailing s): without the override the type would be OctopiTask.
        Assert.Equal("Octopi", Naming.Singular("Octopi"));
        Assert.Equal("Octopus", Model.Resources.Single(r => r.Name == "Octopi").Singular);
        Assert.Equal("OctopusTask", Model.Resources.Single(r => r.Name == "Octopi").Operations.Single(o => o.OperationId == "listOctopi").ResponseType!.Name);
        Assert.Contains(Model.Types, t => t.Name == "OctopusTask");
        Assert.DoesNotContain(Model.Types, t => t.Name == "OctopiTask");
    }

    [Fact]
    public void A_tag_without_the_extension_keeps_the_word_lists_singular()
    {
        Assert.Equal("Hook", Model.Resources.Single(r => r.Name == "Hooks").Singular);
        Assert.Contains(Model.Types, t => t.Name == "HookHttpMethod");
    }

    [Fact]
    public void An_override_that_is_not_a_string_is_reported_at_its_line_and_ignored()
    {
        var result = Parse();
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.InvalidExtension);
        Assert.Contains("x-catchall-singular on tag 'Alumni'", diagnostic.Message);
        var line = Text.Split('\n').ToList().FindIndex(l => l.Contains("x-catchall-singular: 42")) + 1;
        Assert.Equal(line, diagnostic.Line);
        Assert.Equal("Alumni", result.Model!.Resources.Single(r => r.Name == "Alumni").Singular);
        Assert.Contains(result.Model.Types, t => t.Name == "AlumniRange");
    }

    [Fact]
    public void The_generated_client_compiles_with_the_overridden_names()
    {
        // Without the invalid override, which is an error like every malformed x-catchall extension (CATCH0010).
        var valid = Text.Replace("    x-catchall-singular: 42\n", string.Empty);
        Assert.NotEqual(Text, valid);
        var run = SpecCompile.AssertGeneratesAndCompiles(new SpecFile(File, valid, "SingularOverride", "SingularOverrideClient"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("SingularOverride.Models.OctopusTask"));

        // The waiter's failure message names the resource by the same singular as its types.
        var exception = Assert.Single(run.Sources, s => s.SourceText.ToString().Contains("ended with status", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("\"Octopus \" + resourceId", exception, System.StringComparison.Ordinal);
    }
}
