using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// Each mistake in a [CatchAllEnrichments] declaration is a CATCH diagnostic at the property (or type) that makes it,
/// never an exception and never broken generated code; the rest of the project still generates.
/// </summary>
public sealed class EnrichmentDiagnosticTests
{
    private const string Usings = "using System;\nusing CatchAll;\nusing CatchAll.Models;\n\nnamespace Consumer;\n\n";

    [Theory]
    [InlineData("CATCH0014", "[CatchAllEnrichments]\ninternal record NotPartial\n{\n    [Enrichment(\"d\")] public string? A { get; init; }\n}\n", "NotPartial", "must be partial")]
    [InlineData("CATCH0014", "[CatchAllEnrichments]\ninternal partial record Positional(string A)\n{\n    [Enrichment(\"d\")] public string? B { get; init; }\n}\n", "Positional", "constructor without parameters")]
    [InlineData("CATCH0014", "internal class Outer\n{\n    [CatchAllEnrichments]\n    internal partial class Inner\n    {\n        [Enrichment(\"d\")] public string? A { get; set; }\n    }\n}\n", "Inner", "'Outer', which must be partial")]
    [InlineData("CATCH0014", "[CatchAllEnrichments]\ninternal partial class Generic<T>\n{\n    [Enrichment(\"d\")] public string? A { get; set; }\n}\n", "Generic", "non-generic")]
    [InlineData("CATCH0014", "[CatchAllEnrichments]\ninternal partial class Required\n{\n    public required string Id { get; init; }\n    [Enrichment(\"d\")] public string? A { get; set; }\n}\n", "Required", "required member 'Id'")]
    [InlineData("CATCH0014", "[CatchAllEnrichments]\ninternal partial class Clash\n{\n    [Enrichment(\"d\")] public string? Enrichments { get; set; }\n}\n", "Enrichments", "a name the generator adds")]
    [InlineData("CATCH0014", "[CatchAllEnrichments]\ninternal partial class Clash2\n{\n    public static int EnrichmentSet { get; set; }\n    [Enrichment(\"d\")] public string? A { get; set; }\n}\n", "EnrichmentSet", "a name the generator adds")]
    [InlineData("CATCH0015", "[CatchAllEnrichments]\ninternal partial class Flags\n{\n    [Enrichment(\"d\")] public bool? IsDone { get; set; }\n}\n", "IsDone", "which no enrichment type holds")]
    [InlineData("CATCH0015", "[CatchAllEnrichments]\ninternal partial class ReadOnly\n{\n    [Enrichment(\"d\")] public string? Fixed { get; }\n}\n", "Fixed", "set or init accessor")]
    [InlineData("CATCH0015", "[CatchAllEnrichments]\ninternal partial class Forced\n{\n    [Enrichment(\"d\", Type = \"boolean\")] public string? Yes { get; set; }\n}\n", "Yes", "not one of text, number")]
    [InlineData("CATCH0015", "[CatchAllEnrichments]\ninternal partial class Misfit\n{\n    [Enrichment(\"d\", Type = \"date\")] public decimal? Amount { get; set; }\n}\n", "Amount", "cannot hold")]
    [InlineData("CATCH0015", "internal enum Empty { }\n[CatchAllEnrichments]\ninternal partial class NoOptions\n{\n    [Enrichment(\"d\")] public Empty? Choice { get; set; }\n}\n", "Choice", "has no members")]
    [InlineData("CATCH0016", "[CatchAllEnrichments]\ninternal partial class Twice\n{\n    [Enrichment(\"d\", Name = \"amount\")] public decimal? First { get; set; }\n    [Enrichment(\"d\", Name = \"amount\")] public decimal? Second { get; set; }\n}\n", "Second", "clashes with 'First'")]
    [InlineData("CATCH0016", "[CatchAllEnrichments]\ninternal partial class Column\n{\n    [Enrichment(\"d\")] public string? RecordTitle { get; set; }\n}\n", "RecordTitle", "record_title column of a CSV export")]
    [InlineData("CATCH0016", "[CatchAllEnrichments]\ninternal partial class Confident\n{\n    [Enrichment(\"d\")] public CompanyEnrichmentOutput? Lead { get; set; }\n    [Enrichment(\"d\")] public decimal? LeadConfidence { get; set; }\n}\n", "LeadConfidence", "CSV confidence column of 'Lead'")]
    [InlineData("CATCH0016", "[CatchAllEnrichments]\ninternal partial class Confident2\n{\n    [Enrichment(\"d\")] public decimal? LeadConfidence { get; set; }\n    [Enrichment(\"d\")] public CompanyEnrichmentOutput? Lead { get; set; }\n}\n", "Lead", "its CSV confidence column 'lead_confidence' clashes with 'LeadConfidence'")]
    [InlineData("CATCH0016", "[CatchAllEnrichments]\ninternal partial class Reserved\n{\n    [Enrichment(\"d\")] public string? EnrichmentConfidence { get; set; }\n}\n", "EnrichmentConfidence", "enrichment_confidence")]
    [InlineData("CATCH0017", "[CatchAllEnrichments]\ninternal partial class BadName\n{\n    [Enrichment(\"d\", Name = \"Funding Amount\")] public decimal? Amount { get; set; }\n}\n", "Amount", "not snake_case")]
    [InlineData("CATCH0017", "[CatchAllEnrichments]\ninternal partial class Umlaut\n{\n    [Enrichment(\"d\")] public decimal? Größe { get; set; }\n}\n", "Größe", "no snake_case form")]
    [InlineData("CATCH0017", "[CatchAllEnrichments]\ninternal partial class Blank\n{\n    [Enrichment(\" \")] public decimal? Amount { get; set; }\n}\n", "Amount", "empty description")]
    [InlineData("CATCH0018", "[CatchAllEnrichments]\ninternal partial class Nothing\n{\n    public string? NotMarked { get; set; }\n}\n", "Nothing", "declares no enrichments")]
    public void A_declaration_mistake_is_reported_at_its_identifier(string id, string declaration, string identifier, string message)
    {
        var source = Usings + declaration;
        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source), new[] { Scenarios.Get(Scenarios.Bundled).Spec });

        run.AssertDidNotCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(id == "CATCH0018" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.DefaultSeverity);

        // At the identifier: the property for a property's mistake, the type for the type's.
        var at = IdentifierPosition(source, identifier);
        Assert.Equal("Consumer0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(at, diagnostic.Location.SourceSpan.Start);
        Assert.Equal(identifier.Length, diagnostic.Location.SourceSpan.Length);

        // An error emits nothing for the type, so the project's own code is all the compiler complains about.
        if (diagnostic.DefaultSeverity == DiagnosticSeverity.Error)
        {
            Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".Enrichments.g.cs", StringComparison.Ordinal));
            Assert.DoesNotContain(run.Sources, s => s.HintName == "CatchAll.EnrichmentExtensions.g.cs");
        }

        Assert.Contains(run.Sources, s => s.HintName == "CatchAll.JobsClient.g.cs");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true && d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Without_a_spec_a_type_is_CATCH0019_at_the_type()
    {
        var source = Usings + "[CatchAllEnrichments]\ninternal partial class Lonely\n{\n    [Enrichment(\"d\")] public string? A { get; set; }\n}\n";

        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source), Array.Empty<SpecFile>());

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("CATCH0019", diagnostic.Id);
        Assert.Contains("no CatchAll client", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(IdentifierPosition(source, "Lonely"), diagnostic.Location.SourceSpan.Start);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_spec_whose_client_is_skipped_for_a_namespace_clash_gets_no_typed_code_and_the_project_compiles()
    {
        // The bundled spec (namespace CatchAll, with the enrichment schema) comes second by path, so it is the one
        // skipped; before both pipelines read one plan, typed code was still generated against its missing models.
        var source = Usings + "[CatchAllEnrichments]\ninternal partial class Funding\n{\n    [Enrichment(\"d\")] public decimal? Amount { get; set; }\n}\n";
        var bundled = Scenarios.Get(Scenarios.Bundled).Spec;
        var first = Scenarios.Get("Nullable").Spec with { Path = "/0-first/nullable.yaml", Namespace = "CatchAll" };
        Assert.True(string.CompareOrdinal(first.Path, bundled.Path) < 0);

        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source), new[] { bundled, first });

        run.AssertDidNotCrash();
        Assert.Contains(run.Diagnostics, d => d.Id == "CATCH0008" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("both generate into namespace 'CatchAll'", StringComparison.Ordinal));
        var unavailable = Assert.Single(run.WithId("CATCH0019"));
        Assert.Equal(IdentifierPosition(source, "Funding"), unavailable.Location.SourceSpan.Start);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Enrichment", StringComparison.Ordinal));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_spec_without_the_enrichment_schema_is_CATCH0019()
    {
        var source = "using CatchAll;\n[CatchAllEnrichments]\ninternal partial class Elsewhere\n{\n    [Enrichment(\"d\")] public string? A { get; set; }\n}\n";

        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source), new[] { Scenarios.Get("Nullable").Spec });

        var diagnostic = Assert.Single(run.WithId("CATCH0019"));
        Assert.Contains("EnrichmentSchema", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Enrichment", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_supported_shape_compiles_at_the_strictest_level()
    {
        var source = """
            using System;
            using CatchAll;
            using CatchAll.Models;

            internal enum Color { Red, [System.Runtime.Serialization.EnumMember(Value = "dark blue")] Blue, Crimson = Red }

            internal partial class Outer
            {
                [CatchAllEnrichments]
                internal sealed partial class Everything
                {
                    [Enrichment("a")] public byte Byte { get; set; }
                    [Enrichment("b")] public sbyte? SByte { get; set; }
                    [Enrichment("c")] public short Int16 { get; set; }
                    [Enrichment("d")] public ushort? UInt16 { get; set; }
                    [Enrichment("e")] public int Int32 { get; set; }
                    [Enrichment("f")] public uint? UInt32 { get; set; }
                    [Enrichment("g")] public long Int64 { get; set; }
                    [Enrichment("h")] public ulong? UInt64 { get; set; }
                    [Enrichment("i")] public float Single { get; set; }
                    [Enrichment("j")] public double? Double { get; set; }
                    [Enrichment("k")] public decimal Decimal { get; set; }
                    [Enrichment("l")] public DateOnly DateOnly { get; set; }
                    [Enrichment("m")] public DateTime? DateTime { get; set; }
                    [Enrichment("n")] public DateTimeOffset DateTimeOffset { get; set; }
                    [Enrichment("o")] public Color Color { get; set; }
                    [Enrichment("p")] public Color? MaybeColor { get; set; }
                    [Enrichment("q")] public Uri Url { get; set; } = new("https://example.com");
                    [Enrichment("r")] public Uri? MaybeUrl { get; set; }
                    [Enrichment("s")] public string Text { get; set; } = "";
                    [Enrichment("t", Type = "option")] public string? FreeOption { get; set; }
                    [Enrichment("u")] public CompanyEnrichmentOutput? Company { get; set; }
                    [Enrichment("v", Name = "renamed_field")] public string? @class { get; set; }
                }
            }

            [CatchAllEnrichments]
            internal partial record GlobalNamespace
            {
                [Enrichment("a")] public string? A { get; init; }
            }
            """;

        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source), new[] { Scenarios.Get(Scenarios.Bundled).Spec });

        run.AssertDidNotCrash();
        Assert.Empty(run.Diagnostics);
        var generated = run.Source("Outer.Everything.Enrichments.g.cs");
        Assert.Contains("\"dark blue\"", generated, StringComparison.Ordinal);
        Assert.Contains("\"renamed_field\"", generated, StringComparison.Ordinal);
        Assert.Contains(run.Sources, s => s.HintName == "GlobalNamespace.Enrichments.g.cs");
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)) + "\n" + generated);
    }

    private static int IdentifierPosition(string source, string identifier)
    {
        foreach (var prefix in new[] { "? ", " ", "record ", "class " })
        {
            foreach (var suffix in new[] { " {", "\n", "<", "(" })
            {
                var index = source.IndexOf(prefix + identifier + suffix, StringComparison.Ordinal);
                if (index >= 0 && (prefix != " " || suffix == " {"))
                {
                    return index + prefix.Length;
                }
            }
        }

        throw new InvalidOperationException(identifier + " not found");
    }
}
