using System;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// A bad spec gets a CATCH diagnostic that points into the YAML where the problem is, and never an
/// exception: a generator that throws fails the whole build with CS8785 and hides the real cause.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = "openapi: 3.1.0\ninfo:\n  title: Broken\n  version: 1.0.0\n";

    [Fact]
    public void Malformed_yaml_is_CATCH0001_at_the_offending_line_and_column()
    {
        var text = Header + "paths:\n  /a:\n    get:\n      summary: this: breaks\n      operationId: getA\n";

        var diagnostic = SingleError(text, "CATCH0001");

        // "summary: this: breaks": a second ':' in a plain scalar value is where YAML gives up.
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(InlineSpec.Path, span.Path);
        Assert.Equal(LineOf(text, "summary: this: breaks"), span.StartLinePosition.Line + 1);
        Assert.Equal("      summary: this".Length + 1, span.StartLinePosition.Character + 1);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void An_unclosed_flow_mapping_is_CATCH0001_on_a_line_of_the_spec()
    {
        var text = Header + "paths:\n  /a:\n    get: {operationId: getA, responses: {'200': {description: ok}}\n  /b:\n    get:\n      operationId: getB\n";

        var diagnostic = SingleError(text, "CATCH0001");

        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
        Assert.InRange(line, LineOf(text, "get: {operationId: getA"), text.Split('\n').Length);
    }

    [Theory]
    [InlineData("    Thing:\n      type: object\n      properties:\n        total_pages:\n", "total_pages:")]
    [InlineData("    Thing:\n", "Thing:")]
    public void A_half_typed_schema_is_CATCH0001_at_the_empty_key_not_an_internal_failure(string schemas, string emptyKey)
    {
        // What an editor holds a keystroke after `total_pages:`: a key whose value is not there yet.
        var text = InlineSpec.Document("  /a:\n    get:\n      operationId: getA\n      responses:\n        '204':\n          description: ok\n", schemas);

        var diagnostic = SingleError(text, "CATCH0001");

        Assert.Equal(LineOf(text, emptyKey), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void A_dangling_property_ref_is_CATCH0002_at_the_line_of_that_ref()
    {
        var text = InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Thing'
            """,
            """
                Thing:
                  type: object
                  properties:
                    id:
                      type: string
                    owner:
                      $ref: '#/components/schemas/Missing'
            """);

        var diagnostic = SingleError(text, "CATCH0002");

        Assert.Equal(LineOf(text, "$ref: '#/components/schemas/Missing'"), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("Missing", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_dangling_request_body_ref_is_CATCH0002_at_the_line_of_that_ref()
    {
        var text = InlineSpec.Document(
            """
              /things:
                post:
                  operationId: createThing
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/NewThing'
                  responses:
                    '204':
                      description: ok
            """,
            """
                Thing:
                  type: object
                  properties:
                    id:
                      type: string
            """);

        var diagnostic = SingleError(text, "CATCH0002");

        Assert.Equal(LineOf(text, "$ref: '#/components/schemas/NewThing'"), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void A_oneOf_of_objects_without_discriminator_is_a_CATCH0003_warning_and_the_rest_still_compiles()
    {
        var text = InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Thing'
            """,
            """
                A:
                  type: object
                  properties:
                    a:
                      type: string
                B:
                  type: object
                  properties:
                    b:
                      type: string
                Thing:
                  type: object
                  properties:
                    either:
                      oneOf:
                        - $ref: '#/components/schemas/A'
                        - $ref: '#/components/schemas/B'
            """);

        var run = InlineSpec.Run(text);

        run.AssertDidNotCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("CATCH0003", diagnostic.Id);

        // A warning by default; the harness compiles with warnings as errors, which applies to generator diagnostics too.
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.True(diagnostic.IsWarningAsError);
        Assert.Equal(LineOf(text, "oneOf:"), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("global::System.Text.Json.JsonElement? Either", run.Source("Inline.Models.Thing.g.cs"));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
    }

    [Fact]
    public void Two_schemas_with_one_csharp_name_are_CATCH0004_at_the_second()
    {
        var text = InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/foo_bar'
            """,
            """
                foo_bar:
                  type: object
                  properties:
                    a:
                      type: string
                FooBar:
                  type: object
                  properties:
                    b:
                      type: string
            """);

        var diagnostic = SingleError(text, "CATCH0004");

        Assert.Equal(LineOf(text, "    FooBar:"), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("foo_bar", message);
        Assert.Contains("FooBar", message);
    }

    [Fact]
    public void Two_operations_with_one_method_name_are_CATCH0004()
    {
        var text = InlineSpec.Document(
            """
              /widgets:
                post:
                  operationId: create_widget
                  responses:
                    '204':
                      description: ok
              /widgets/create:
                post:
                  operationId: createWidget
                  responses:
                    '204':
                      description: ok
            """);

        var diagnostic = SingleError(text, "CATCH0004");

        Assert.Equal(LineOf(text, "operationId: createWidget"), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Theory]
    [InlineData("5", "global::System.TimeSpan.FromSeconds(5)")]
    [InlineData("'12'", "global::System.TimeSpan.FromSeconds(12)")]
    public void A_wait_helper_polls_at_the_declared_interval(string interval, string expected)
    {
        var run = InlineSpec.AssertCompiles(WaitSpec(interval));

        Assert.Contains($"PollingOptions.ForOperation(polling, \"getThing\", {expected})", run.Source("Inline.ThingsClientExtensions.g.cs"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2.5")]
    [InlineData("soon")]
    public void An_interval_that_is_not_a_positive_whole_number_is_CATCH0010_at_its_line(string interval)
    {
        var text = WaitSpec(interval);

        var diagnostic = SingleError(text, "CATCH0010");

        Assert.Equal(LineOf(text, "interval-seconds:"), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("interval-seconds", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_wait_without_success_values_is_CATCH0010()
    {
        var text = WaitSpec("5").Replace("        success: [done]\n", string.Empty, StringComparison.Ordinal);

        var diagnostic = SingleError(text, "CATCH0010");

        Assert.Contains("success", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string WaitSpec(string interval) => InlineSpec.Document(
        $$"""
          /things/{id}:
            get:
              tags: [Things]
              operationId: getThing
              x-catchall-wait:
                method: WaitUntilDone
                status-property: state
                success: [done]
                interval-seconds: {{interval}}
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Thing'
        """,
        """
            Thing:
              type: object
              properties:
                state:
                  type: string
        """);

    [Fact]
    public void A_project_on_CSharp_10_gets_CATCH0012_once_and_no_generated_code()
    {
        var compilation = GeneratorHarness.CreateCompilation()
            .WithOptions(GeneratorHarness.CompilationOptions)
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }", GeneratorHarness.ParseOptions.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10)));

        var run = GeneratorHarness.Run(compilation, [Scenarios.Get(Scenarios.Bundled).Spec]);

        run.AssertDidNotCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("CATCH0012", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("compiles as C# 10.0", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_framework_without_the_types_the_client_needs_gets_CATCH0012_naming_them()
    {
        // An old framework in miniature: a core library with the basics and none of the newer types.
        var corlib = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "mscorlib",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                "namespace System { public class Object { } public abstract class ValueType { } public struct Void { } public class String { } public struct Int32 { } public struct Boolean { } public abstract class Enum : ValueType { } public class Exception { } public struct DateTime { } public interface IDisposable { } }",
                // C# 7.3: newer versions embed attributes, which this library has no base class for.
                new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3))],
            options: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        var emitted = corlib.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var runtime = GeneratorHarness.References.Single(r => r.Display?.EndsWith("CatchAll.Runtime.dll", StringComparison.Ordinal) == true);
        var compilation = GeneratorHarness.CreateCompilation().WithReferences(MetadataReference.CreateFromImage(image.ToArray()), runtime);

        var run = GeneratorHarness.Run(compilation, [Scenarios.Get(Scenarios.Bundled).Spec]);

        run.AssertDidNotCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("CATCH0012", diagnostic.Id);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("System.DateOnly", message, StringComparison.Ordinal);
        Assert.Contains("System.Collections.Generic.IAsyncEnumerable<T>", message, StringComparison.Ordinal);
        Assert.DoesNotContain("compiles as", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \t\n")]
    public void An_empty_spec_is_CATCH0005(string text)
    {
        var diagnostic = SingleError(text, "CATCH0005");

        Assert.Equal(InlineSpec.Path, diagnostic.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("My-Company.Api", null)]
    [InlineData("1Api", null)]
    [InlineData("Acme..Api", null)]
    [InlineData("Acme.Api.", null)]
    [InlineData("Acme Api", null)]
    [InlineData("Acme.Api", "Has.Dot")]
    [InlineData("Acme.Api", "Has-Dash")]
    [InlineData("Acme.Api", "9Lives")]
    public void Invalid_namespace_or_client_name_metadata_is_CATCH0008(string @namespace, string? clientName)
    {
        var text = InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
                  responses:
                    '204':
                      description: ok
            """);

        var run = GeneratorHarness.Run(InlineSpec.File(text, @namespace, clientName ?? "InlineApi"));

        run.AssertDidNotCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("CATCH0008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("Acme.event", null)]
    [InlineData("class", null)]
    [InlineData("Acme.Api", "object")]
    public void Keyword_namespace_or_client_name_is_CATCH0008_or_escaped(string @namespace, string? clientName)
    {
        var text = InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
                  responses:
                    '204':
                      description: ok
            """);

        var run = GeneratorHarness.Run(InlineSpec.File(text, @namespace, clientName ?? "InlineApi"));

        run.AssertDidNotCrash();
        if (run.Diagnostics.IsEmpty)
        {
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity != DiagnosticSeverity.Hidden);
        }
        else
        {
            Assert.Equal("CATCH0008", Assert.Single(run.Diagnostics).Id);
        }
    }

    // The bundled spec has initialize suggestions: the enrichment pipeline must stay silent too, or its file would
    // refer to a client that was never generated.
    [Theory]
    [InlineData("Nullable")]
    [InlineData(Scenarios.Bundled)]
    public void A_missing_runtime_reference_is_CATCH0011_and_nothing_is_generated(string scenario)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoRuntime",
            references: Basic.Reference.Assemblies.Net80.References.All,
            options: GeneratorHarness.CompilationOptions);

        var run = GeneratorHarness.Run(compilation, new[] { Scenarios.Get(scenario).Spec });

        run.AssertDidNotCrash();
        Assert.Equal("CATCH0011", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("")]
    public void Additional_files_not_marked_as_specs_are_ignored(string? flag)
    {
        var spec = Scenarios.Get("Nullable").Spec with { IsSpec = flag };

        var run = GeneratorHarness.Run(spec);

        run.AssertDidNotCrash();
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Two_specs_in_different_namespaces_generate_side_by_side()
    {
        var a = Scenarios.Get("Nullable").Spec;
        var b = Scenarios.Get("Patch").Spec;

        var run = GeneratorHarness.Run(a, b);

        run.AssertDidNotCrash();
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName.StartsWith("Specs.Nullable.", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName.StartsWith("Specs.Patch.", StringComparison.Ordinal));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
    }

    [Fact]
    public void Two_specs_generating_into_one_namespace_are_reported_not_an_internal_failure()
    {
        var a = Scenarios.Get("Nullable").Spec;
        var b = Scenarios.Get("Patch").Spec with { Namespace = a.Namespace, ClientName = a.ClientName };

        var run = GeneratorHarness.Run(a, b);

        // Both would emit <Namespace>.<ClientName>.g.cs: the user has to hear which metadata to change.
        run.AssertDidNotCrash();
        Assert.Contains(run.Diagnostics, d => d.Id is "CATCH0004" or "CATCH0008");
    }

    private static Diagnostic SingleError(string text, string id)
    {
        var run = InlineSpec.Run(text);

        run.AssertDidNotCrash();
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.True(run.Diagnostics.Length == 1, GeneratorRun.Describe(run.Diagnostics));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }

    /// <summary>1-based line of the first line containing <paramref name="snippet"/>.</summary>
    private static int LineOf(string text, string snippet)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(snippet, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{snippet}' is not in the spec");
        return index + 1;
    }
}
