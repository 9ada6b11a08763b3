using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// Item 7 of typed enrichments: initialize's suggested enrichments become the source of a [CatchAllEnrichments]
/// type. The text is compiled through the generator at the strictest level and run: the wire names the service
/// suggested come back from the generated set, and values read and write under those names.
/// </summary>
public sealed class EnrichmentSuggestionTests
{
    private static readonly (string Name, string Description, string Type)[] Funding =
    {
        ("investee_company", "Name of the company that raised the money", "text"),
        ("funding_amount", "Amount raised, in units of the currency", "number"),
        ("announcement_date", "Date the round was announced", "date"),
        ("lead_investor", "The lead investor", "company"),
        ("press_release", "Link to the announcement", "url"),
        ("stage", "Stage of the round, one of: seed, series_a, Series B", "option"),
        ("sector", "Sector of the company", "option"),
        ("round_2", "A name whose Pascal form (Round2) does not give it back", "text"),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_generated_extension_writes_a_declaration_that_compiles_into_a_working_set(bool modern)
    {
        var entries = string.Join(",\n", Funding.Select(f => $"new EnrichmentSchema {{ Name = {Literal(f.Name)}, Description = {Literal(f.Description)}, Type = new EnrichmentType({Literal(f.Type)}) }}"));
        var probe = $$"""
            using System.Collections.Generic;
            using CatchAll;
            using CatchAll.Models;

            namespace Probe;

            internal static class Cases
            {
                public static string Declaration() => new InitializeResponse
                {
                    Query = "Series B funding rounds",
                    Validators = new List<ValidatorSchema>(),
                    Enrichments = new List<EnrichmentSchema> { {{entries}} },
                }.ToCSharpDeclaration("FundingRound", "Consumer.Suggested");
            }
            """;
        var declaration = EmitAndCall(probe, "Declaration", modern);

        Assert.Contains(modern ? "public partial record FundingRound" : "public partial class FundingRound", declaration, StringComparison.Ordinal);
        Assert.Contains(modern ? "DateOnly? AnnouncementDate { get; init; }" : "DateTime? AnnouncementDate { get; set; }", declaration, StringComparison.Ordinal);
        Assert.Contains("[Enrichment(\"Amount raised, in units of the currency\")] public decimal? FundingAmount", declaration, StringComparison.Ordinal);
        Assert.Contains("CompanyEnrichmentOutput? LeadInvestor", declaration, StringComparison.Ordinal);
        Assert.Contains("global::System.Uri? PressRelease", declaration, StringComparison.Ordinal);
        Assert.Contains("public FundingRoundStage? Stage", declaration, StringComparison.Ordinal);
        Assert.Contains("[global::System.Runtime.Serialization.EnumMember(Value = \"Series B\")] SeriesB,", declaration, StringComparison.Ordinal);
        Assert.Contains("Type = EnrichmentTypes.Option)] public string? Sector", declaration, StringComparison.Ordinal); // an option with no listed values: read as text
        Assert.Contains("Name = \"round_2\")] public string? Round2", declaration, StringComparison.Ordinal);
        Assert.DoesNotContain("Name = \"funding_amount\"", declaration, StringComparison.Ordinal);

        var wire = RunDeclaration(declaration, "Consumer.Suggested.FundingRound", modern, """{"funding_amount":"1,500,000","stage":"Series B","round_2":"ok","announcement_date":"2026-03-02"}""");

        Assert.Equal(
            string.Join("|", Funding.Select(f => f.Name + ":" + f.Type)),
            string.Join("|", wire.Split('#')[0].Split('|').Select(f => string.Join(":", f.Split(':').Take(2)))));
        Assert.Contains("\"funding_amount\":1500000", wire, StringComparison.Ordinal);
        Assert.Contains("\"stage\":\"Series B\"", wire, StringComparison.Ordinal);
        Assert.Contains("\"round_2\":\"ok\"", wire, StringComparison.Ordinal);
        Assert.Contains("\"announcement_date\":\"2026-03-02", wire, StringComparison.Ordinal);
        Assert.EndsWith("#0", wire, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_and_descriptions_still_compile_and_keep_every_field()
    {
        var fields = new[]
        {
            new EnrichmentField("class", "A keyword as a name", "text"),
            new EnrichmentField("1st_round", "Leading digit", "number"),
            new EnrichmentField("Funding Amount", "Spaces and capitals", "number"),
            new EnrichmentField("funding_amount", "A duplicate once the previous one is snake_cased", "number"),
            new EnrichmentField("funding_amount", "An exact duplicate", "text"),
            new EnrichmentField("quote", "Says \"hi\" \\ and \n goes on\r\n\t with a \u2028 separator */ // and \0 a nul", "text"),
            new EnrichmentField("enrichment_confidence", "Clashes with the record's confidence", "text"),
            new EnrichmentField("enrichments", "Clashes with the generated member", "text"),
            new EnrichmentField("équipe", "Not ASCII", "text"),
            new EnrichmentField("", "", "text"),
            new EnrichmentField("flag", "A type the generator has no mapping for", "boolean"),
            new EnrichmentField("kind", "Options (one of: \"a b\", a_b, 1x, class, value__)", "option"),
            new EnrichmentField("hostile_option", "one of: x\"y, z", "option"),
            new EnrichmentField("record_id", "Clashes with the CSV export's own column", "text"),
            new EnrichmentField("lead_confidence", "Clashes with the next company's CSV confidence column", "number"),
            new EnrichmentField("lead", "A company", "company"),
        };

        var declaration = EnrichmentDeclaration.ToCSharp(fields, "class", "event.Data", "CatchAll.Models", modernTarget: true);

        Assert.StartsWith("#nullable enable\n", declaration, StringComparison.Ordinal);
        Assert.Contains("namespace @event.Data", declaration, StringComparison.Ordinal);
        Assert.Contains("public partial record @class", declaration, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", declaration, StringComparison.Ordinal);
        Assert.Contains("Says \\\"hi\\\" \\\\ and \\n goes on\\r\\n\\t with a \\u2028 separator */ // and \\0 a nul", declaration, StringComparison.Ordinal);

        var wire = RunDeclaration(declaration, "@event.Data.@class", modern: true, "{}");
        var names = wire.Split('#')[0].Split('|').Select(n => n.Split(':')[0]).ToList();
        Assert.Equal(fields.Length, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            new[] { "class", "f_1st_round", "funding_amount_2", "funding_amount", "funding_amount_3", "quote", "enrichment_confidence_2", "enrichments", "quipe", "field", "flag", "kind", "hostile_option", "record_id_2", "lead_confidence_2", "lead" },
            names);
        Assert.Contains("kind:option", wire, StringComparison.Ordinal);
        Assert.Contains("flag:text", wire, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stage, one of: seed, series_a or series_b.", "seed|series_a|series_b")]
    [InlineData("Kind (options: merger | acquisition)", "merger|acquisition")]
    [InlineData("Possible values are \"yes\", \"no\" and \"unknown\"; more text", "yes|no|unknown")]
    [InlineData("The stage of the round", "")]
    [InlineData("One of: everything", "")]
    public void Option_values_are_parsed_from_the_description(string description, string expected)
    {
        var declaration = EnrichmentDeclaration.ToCSharp(new[] { new EnrichmentField("stage", description, "option") }, "Deal", null, "CatchAll.Models", modernTarget: true);
        if (expected.Length == 0)
        {
            Assert.Contains("Type = EnrichmentTypes.Option)] public string? Stage", declaration, StringComparison.Ordinal);
            return;
        }

        var wire = RunDeclaration(declaration, "Deal", modern: true, "{}");
        Assert.Contains("stage:option:", wire, StringComparison.Ordinal);
        Assert.EndsWith("One of: " + expected.Replace("|", ", ", StringComparison.Ordinal) + ".", wire.Split('#')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Type")]
    [InlineData("My Type")]
    [InlineData("Uri")]
    [InlineData("CompanyEnrichmentOutput")]
    public void A_type_name_that_cannot_be_declared_is_refused(string typeName)
    {
        Assert.Throws<ArgumentException>(() => EnrichmentDeclaration.ToCSharp(Array.Empty<EnrichmentField>(), typeName, null, "CatchAll.Models", modernTarget: true));
    }

    /// <summary>Compiles the declaration with the generator and a probe; returns "name:type:description|…" of the generated schemas, '#', the JSON written after reading <paramref name="json"/>, '#', the number of problems.</summary>
    private static string RunDeclaration(string declaration, string type, bool modern, string json)
    {
        var probe = $$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Text.Json;

            namespace Probe;

            internal static class Cases
            {
                public static string Run()
                {
                    var names = string.Join("|", global::{{type}}.Enrichments.Select(e => e.Name + ":" + e.Type + ":" + e.Description));
                    var problems = new List<global::CatchAll.EnrichmentProblem>();
                    using var document = JsonDocument.Parse({{Literal(json)}});
                    var value = global::{{type}}.EnrichmentSet.ReadObject(document.RootElement, problems);
                    var stream = new System.IO.MemoryStream();
                    using (var writer = new Utf8JsonWriter(stream)) global::{{type}}.EnrichmentSet.Write(writer, value);
                    return names + "#" + System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "#" + problems.Count;
                }
            }
            """;
        return EmitAndCall(probe, "Run", modern, declaration);
    }

    private static string EmitAndCall(string probe, string method, bool modern, params string[] sources)
    {
        var parse = modern ? GeneratorHarness.ParseOptions.WithPreprocessorSymbols("NET6_0_OR_GREATER") : GeneratorHarness.ParseOptions;
        var compilation = CSharpCompilation.Create(
            "CatchAll.Suggestions." + Guid.NewGuid().ToString("N"),
            sources.Append(probe).Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, path: $"Source{i}.cs")),
            GeneratorHarness.References,
            GeneratorHarness.CompilationOptions);
        var driver = GeneratorHarness.CreateDriver(new[] { Scenarios.Get(Scenarios.Bundled).Spec }).WithUpdatedParseOptions(parse);
        var run = GeneratorHarness.Run(driver, compilation);
        run.AssertDidNotCrash();
        Assert.True(run.Diagnostics.IsEmpty, GeneratorRun.Describe(run.Diagnostics) + "\n" + string.Join("\n", sources));

        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(result.Success && problems.Count == 0, string.Join("\n", problems.Take(20)) + "\n" + string.Join("\n", sources));
        stream.Position = 0;
        var context = new AssemblyLoadContext("CatchAll.Suggestions", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var target = assembly.GetType("Probe.Cases", throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!;
            return (string)target.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
