using System.Collections.Generic;
using System.IO;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// One small document per OpenAPI shape that real specs contain (Specs/Shapes): each generates with
/// located CATCH warnings at most, and the output compiles with every C# warning as an error. A
/// failure names the construct.
/// </summary>
public sealed class ShapeTests
{
    public static IEnumerable<object[]> Shapes() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Specs, "Shapes"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .Select(n => new object[] { n! });

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Shape_generates_and_compiles(string shape) => Run(shape);

    [Fact]
    public void A_webhooks_only_document_generates_its_payload_types_and_no_client_methods()
    {
        var run = Run("WebhooksOnly");

        Assert.Contains(run.Sources, s => s.HintName == "Shapes.WebhooksOnly.Models.JobCompletedPayload.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Shapes.WebhooksOnly.Models.MonitorEvent.g.cs");
        Assert.Contains("JobId", run.Source("Shapes.WebhooksOnly.Models.JobCompletedPayload.g.cs"));
        var skipped = Assert.Single(run.Diagnostics);
        Assert.Equal("CATCH0003", skipped.Id);
        Assert.Contains("text/plain", skipped.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(LineOf("WebhooksOnly", "text/plain:") - 1, skipped.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void A_components_only_document_generates_its_models()
    {
        var run = Run("ComponentsOnly");

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "Shapes.ComponentsOnly.Models.Company.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Shapes.ComponentsOnly.Models.Size.g.cs");
    }

    [Fact]
    public void An_empty_responses_object_is_a_located_warning_and_the_operation_still_generates()
    {
        var run = Run("NoResponses");

        var finding = Assert.Single(run.Diagnostics);
        Assert.Equal("CATCH0009", finding.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, finding.DefaultSeverity);
        var client = run.Sources.Single(s => s.HintName.EndsWith("DefaultClient.g.cs")).SourceText.ToString();
        Assert.Contains("PingAsync(", client);
        Assert.Contains("PongAsync(", client);
    }

    [Fact]
    public void A_discriminator_property_that_is_not_required_still_makes_a_union()
    {
        var run = Run("DiscriminatorNotRequired");

        // The reader flags the object-with-discriminator form; generation goes on and both forms generate.
        var finding = Assert.Single(run.Diagnostics);
        Assert.Equal("CATCH0009", finding.Id);
        Assert.Contains("vehicle_type", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(LineOf("DiscriminatorNotRequired", "propertyName: vehicle_type") - 1, finding.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("abstract partial class Shape", run.Source("Shapes.DiscriminatorNotRequired.Models.Shape.g.cs"));
        Assert.Contains("Doors", run.Source("Shapes.DiscriminatorNotRequired.Models.Car.g.cs"));
    }

    [Fact]
    public void Duplicate_and_missing_operation_ids_are_warnings_and_every_operation_gets_a_method()
    {
        var run = Run("OperationIds");

        Assert.Equal(2, run.WithId("CATCH0009").Length);
        Assert.Equal(2, run.WithId("CATCH0006").Length);
        Assert.Equal(4, run.Diagnostics.Length);
        var client = run.Sources.Single(s => s.HintName.EndsWith("DefaultClient.g.cs")).SourceText.ToString();
        foreach (var method in new[] { "ListItemsAsync(", "ListItems2Async(", "ListItems3Async(", "ListItems2WithResponseAsync(" })
        {
            Assert.Contains(method, client);
        }
    }

    [Fact]
    public void A_cookie_parameter_is_skipped_with_a_located_warning_and_the_rest_are_sent()
    {
        var run = Run("ParameterLocations");

        var skipped = Assert.Single(run.Diagnostics.Where(d => d.Id == "CATCH0003" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("session")));
        Assert.Equal(LineOf("ParameterLocations", "- name: session"), skipped.Location.GetLineSpan().StartLinePosition.Line + 1);
        var client = run.Sources.Single(s => s.HintName.EndsWith("DefaultClient.g.cs")).SourceText.ToString();
        Assert.Contains("\"X-Request-Id\"", client);
        Assert.Contains("\"X-Trace\"", client);
        Assert.Contains("\"tags\"", client);
    }

    private static int LineOf(string shape, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Specs, "Shapes", shape + ".yaml"));
        return System.Array.FindIndex(lines, l => l.Contains(text)) + 1;
    }

    internal static GeneratorRun Run(string shape)
    {
        var path = Path.Combine(RepoPaths.Specs, "Shapes", shape + ".yaml");
        return SpecCompile.AssertGeneratesAndCompiles(new SpecFile(path, File.ReadAllText(path), "Shapes." + shape, shape + "Api"));
    }
}
