using System.IO;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// With CatchAll.AspNetCore among the references, the generator adds typed accessors for its webhook events; without
/// it, nothing. The package is stood in for by a stub of the same name and surface: the real one is compiled against
/// the generated accessors in CatchAll.AspNetCore.Tests.
/// </summary>
public sealed class WebhookAccessorTests
{
    private const string HintName = "CatchAll.CatchAllClientWebhookEvents.g.cs";

    private const string PackageStub = """
        namespace CatchAll.AspNetCore
        {
            public readonly struct CatchAllWebhookEventKind : System.IEquatable<CatchAllWebhookEventKind>
            {
                public static CatchAllWebhookEventKind JobCompleted => default;
                public static CatchAllWebhookEventKind JobFailed => default;
                public static CatchAllWebhookEventKind MonitorRun => default;
                public bool Equals(CatchAllWebhookEventKind other) => true;
                public override bool Equals(object? obj) => obj is CatchAllWebhookEventKind;
                public override int GetHashCode() => 0;
                public static bool operator ==(CatchAllWebhookEventKind left, CatchAllWebhookEventKind right) => true;
                public static bool operator !=(CatchAllWebhookEventKind left, CatchAllWebhookEventKind right) => false;
            }

            public sealed class CatchAllWebhookEvent
            {
                public CatchAllWebhookEventKind Kind => default;
                public T? Deserialize<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) => default;
                public System.Collections.Generic.IReadOnlyList<T> GetRecords<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) => new T[0];
            }
        }
        """;

    private static MetadataReference PackageReference()
    {
        var stub = CSharpCompilation.Create(
            "CatchAll.AspNetCore",
            [CSharpSyntaxTree.ParseText(PackageStub, GeneratorHarness.ParseOptions)],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithNullableContextOptions(NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = stub.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: Path.Combine(Path.GetTempPath(), "CatchAll.AspNetCore.dll"));
    }

    [Fact]
    public void The_bundled_spec_gets_job_and_monitor_accessors_that_compile_against_the_package()
    {
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(PackageReference());

        var run = GeneratorHarness.Run(compilation, [Scenarios.Get(Scenarios.Bundled).Spec]);

        run.AssertDidNotCrash();
        var accessors = run.Source(HintName);
        Baseline.Verify("WebhookAccessors", [(HintName, accessors)]);
        Assert.Contains("GetMonitorRun(this global::CatchAll.AspNetCore.CatchAllWebhookEvent e)", accessors);
        Assert.Contains("global::CatchAll.CatchAllClientJson.WebhookPayload", accessors);
        Assert.Contains("global::CatchAll.CatchAllClientJson.PullJobResponse", accessors);
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        // Everything else is what the generator emits without the package.
        Assert.Equal(Scenarios.Run(Scenarios.Bundled).Sources.Length + 1, run.Sources.Length);
    }

    [Fact]
    public void Without_the_package_no_accessors_are_emitted()
    {
        Assert.DoesNotContain(Scenarios.Run(Scenarios.Bundled).Sources, s => s.HintName.EndsWith("WebhookEvents.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_spec_without_webhook_shapes_gets_no_accessors_even_with_the_package()
    {
        var spec = InlineSpec.File(InlineSpec.Document("""
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      description: Things.
            """));
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(PackageReference());

        var run = GeneratorHarness.Run(compilation, [spec]);

        run.AssertDidNotCrash();
        Assert.NotEmpty(run.Sources);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith("WebhookEvents.g.cs", System.StringComparison.Ordinal));
    }
}
