using System.Collections.Generic;
using System.IO;
using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// The naming rules of the generator README, each on Specs/Naming.yaml, a spec written for them: the rules are
/// applied to any spec, not tuned to the bundled one.
/// </summary>
public sealed class NamingRuleTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(RepoPaths.Specs, "Naming.yaml"));

    private static readonly SpecModel Model = WireNames.Parse(Text, "Naming.yaml");

    private static readonly string ClashesText = File.ReadAllText(Path.Combine(RepoPaths.Specs, "NamingClashes.yaml"));

    private static TypeDecl Type(string name) => Model.Types.Single(t => t.Name == name);

    private static ObjectDecl Object(string name) => (ObjectDecl)Type(name);

    private static TypeRef PropertyType(string owner, string json) => Object(owner).Properties.Single(p => p.JsonName == json).Type;

    private static OperationModel Operation(string id) => Model.Resources.SelectMany(r => r.Operations).Single(o => o.OperationId == id);

    [Fact]
    public void A_trailing_Dto_or_DTO_is_dropped()
    {
        Assert.Equal("CreateOrderRequest", Operation("createOrder").BodyType!.Name);
        Assert.Equal("Order", Operation("createOrder").ResponseType!.Name);
        Assert.Equal("Receipt", Operation("getReceipt").ResponseType!.Name);
        Assert.DoesNotContain(Model.Types, t => t.Name.EndsWith("Dto", System.StringComparison.Ordinal) && t.Name != "WidgetDto");
    }

    [Fact]
    public void When_dropping_Dto_would_collide_the_type_keeps_its_suffix_and_the_other_keeps_its_name()
    {
        Assert.Equal("WidgetDto", PropertyType("ListWidgetsResponse", "old").Name);
        Assert.Equal("Widget", PropertyType("ListWidgetsResponse", "new").Name);
    }

    [Fact]
    public void Identical_inline_objects_and_enums_become_one_type_named_by_the_words_their_names_share()
    {
        // CreateOrderRequestDto.shipping and OrderDto.shipping; .priority likewise.
        Assert.Equal("Shipping", PropertyType("CreateOrderRequest", "shipping").Name);
        Assert.Equal("Shipping", PropertyType("Order", "shipping").Name);
        Assert.Equal("Priority", PropertyType("CreateOrderRequest", "priority").Name);
        Assert.Equal("Priority", PropertyType("Order", "priority").Name);
        Assert.Equal(new[] { "low", "high" }, ((EnumDecl)Type("Priority")).Values.Select(v => v.Wire));
    }

    [Fact]
    public void An_inline_copy_of_a_named_schema_becomes_that_schema_even_when_nested()
    {
        // Level is a component; three inline enums with its values join it, the nested ones included.
        Assert.Equal("Level", PropertyType("Shipping", "level").Name);
        Assert.Equal("Level", PropertyType("OrderEnrichment", "level").Name);
        Assert.Single(Model.Types, t => t is EnumDecl e && e.Values.Select(v => v.Wire).SequenceEqual(new[] { "debug", "info" }));
    }

    [Fact]
    public void Two_identical_named_schemas_stay_two_types()
    {
        Assert.Equal("CreateTagRequest", Operation("createTag").BodyType!.Name);
        Assert.Equal("UpdateTagRequest", Operation("updateTag").BodyType!.Name);
    }

    [Fact]
    public void X_catchall_type_name_names_the_merged_type()
    {
        Assert.Equal("DeliveryMode", PropertyType("Hook", "mode").Name);
        Assert.Equal("DeliveryMode", PropertyType("Hook", "fallback_mode").Name);
    }

    [Fact]
    public void A_name_an_implicit_using_imports_gets_its_owner_as_prefix()
    {
        Assert.Equal("HookHttpMethod", PropertyType("Hook", "method").Name);      // schema: first resource using it, singular
        Assert.Equal("HookTask", Operation("createHook").ResponseType!.Name);     // Task, reached first from Hooks
        Assert.Equal("OrderIndex", PropertyType("Order", "range").Name);          // inline with x-catchall-type-name: its owner
        Assert.DoesNotContain(Model.Types, t => ImplicitUsingTypeNames.All.Contains(t.Name));
    }

    [Theory]
    [InlineData("Webhooks", "Webhook")]
    [InlineData("Entities", "Entity")]
    [InlineData("Status", "Status")]
    [InlineData("Statuses", "Status")]
    [InlineData("OrderStatuses", "OrderStatus")]
    [InlineData("Address", "Address")]
    [InlineData("Addresses", "Address")]
    [InlineData("Bus", "Bus")]
    [InlineData("Buses", "Bus")]
    [InlineData("Analysis", "Analysis")]
    [InlineData("Analyses", "Analysis")]
    [InlineData("Hypotheses", "Hypothesis")]
    [InlineData("Series", "Series")]
    [InlineData("News", "News")]
    [InlineData("Causes", "Cause")]
    [InlineData("Databases", "Database")]
    [InlineData("Responses", "Response")]
    [InlineData("Indexes", "Index")]
    [InlineData("Indices", "Index")]
    [InlineData("Matches", "Match")]
    [InlineData("Caches", "Cache")]
    [InlineData("Coaches", "Coach")]
    [InlineData("Movies", "Movie")]
    [InlineData("Menus", "Menu")]
    [InlineData("APIs", "API")]
    [InlineData("People", "Person")]
    [InlineData("statuses", "status")]
    [InlineData("Meta", "Meta")]
    [InlineData("Ss", "Ss")]
    [InlineData("S", "S")]
    public void Singular_of_regular_irregular_and_already_singular_words(string plural, string singular)
    {
        Assert.Equal(singular, Naming.Singular(plural));
    }

    [Fact]
    public void A_member_renamed_for_its_types_new_name_takes_a_name_no_other_member_has()
    {
        var model = WireNames.Parse(ClashesText, "NamingClashes.yaml");
        string Member(string type, string json) => model.Types.OfType<ObjectDecl>().Single(t => t.Name == type).Properties.Single(p => p.JsonName == json).Name;
        string Value(string type, string wire) => model.Types.OfType<EnumDecl>().Single(t => t.Name == type).Values.Single(v => v.Wire == wire).Member;

        // StatusDto becomes Status: its "status" member cannot stay Status, and StatusValue and StatusValue2 are taken.
        Assert.Equal("StatusValue3", Member("Status", "status"));
        Assert.Equal("StatusValue", Member("Status", "status_value"));
        Assert.Equal("StatusValue2", Member("Status", "status_value2"));
        Assert.Equal("LevelValue2", Value("Level", "level"));
        Assert.Equal("LevelValue", Value("Level", "level_value"));

        // A variant's "kind" gives way to the union's Kind, without taking kind_value's name.
        Assert.Equal("KindValue2", Member("Circle", "kind"));
        Assert.Equal("KindValue", Member("Circle", "kind_value"));
    }

    [Fact]
    public void A_clash_prefix_is_the_true_singular_of_the_tag()
    {
        var model = WireNames.Parse(ClashesText, "NamingClashes.yaml");

        Assert.Contains(model.Types, t => t.Name == "StatusTask");
        Assert.Contains(model.Types, t => t.Name == "AnalysisRange");
        Assert.Contains(model.Types, t => t.Name == "AnalysisLogLevel");
        Assert.Contains(model.Types, t => t.Name == "AnalysisEndpoint");
        Assert.DoesNotContain(model.Types, t => t.Name.StartsWith("Statu", System.StringComparison.Ordinal) && !t.Name.StartsWith("Status", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_clash_spec_generates_code_that_compiles()
    {
        SpecCompile.AssertGeneratesAndCompiles(new SpecFile(Path.Combine(RepoPaths.Specs, "NamingClashes.yaml"), ClashesText, "Specs.NamingClashes", "NamingClashesApi"));
    }

    [Fact]
    public void Acronyms_follow_dotnet_casing()
    {
        Assert.Equal("UploadCsvToStoreAsync", Operation("uploadCSVToStore").MethodName);
        Assert.Equal("UserId", Object("CreateOrderRequest").Properties.Single(p => p.JsonName == "userID").Name);
        Assert.Equal("UrlInfo", PropertyType("ListWidgetsResponse", "info").Name);
        Assert.Equal("HomepageUrl", Object("UrlInfo").Properties.Single().Name);
        Assert.Equal("Csv", Naming.Pascal("CSV"));
        Assert.Equal("CsvToUrlMap", Naming.Pascal("CSVToURLMap"));
        Assert.Equal("UserId", Naming.Pascal("user_ID"));
    }

    [Fact]
    public void An_inline_type_is_named_after_its_owner_and_its_property_once()
    {
        Assert.Equal("OrderEnrichmentConfidence", PropertyType("OrderEnrichment", "enrichment_confidence").Name);
        Assert.Equal("BaseRecordEnrichmentConfidence", Naming.Join("BaseRecordEnrichment", "EnrichmentConfidence"));
        Assert.Equal("OrderItem", Naming.Join("Order", "Item"));
        Assert.Equal("TaskTask", Naming.Join("Task", "Task"));
    }

    [Fact]
    public void A_file_name_parameter_does_not_repeat_its_kind()
    {
        var run = Scenarios.Run("Naming");
        var client = run.Sources.Single(s => s.HintName == "Specs.Naming.StoresClient.g.cs").SourceText.ToString();
        Assert.Contains("global::System.IO.Stream file, string fileName,", client, System.StringComparison.Ordinal);
        Assert.Contains("global::System.IO.Stream attachment, string attachmentFileName,", client, System.StringComparison.Ordinal);
        Assert.DoesNotContain("fileFileName", client, System.StringComparison.Ordinal);
        Assert.Equal("csvFileName", Naming.FileNameParameter("csvFile"));
    }

    [Fact]
    public void The_renames_change_no_wire_name()
    {
        var wire = WireNames.Of(Model);
        foreach (var name in new[] { "json userID", "json homepageURL", "json enrichment_confidence", "json fallback_mode", "enum GET", "enum push", "operation uploadCSVToStore POST /stores/{store_id}/upload", "form uploadCSVToStore file", "parameter getReceipt query sort" })
        {
            Assert.Contains(name, wire);
        }
    }

    [Fact]
    public void Generated_types_used_unqualified_under_default_implicit_usings_compile()
    {
        const string probe = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            using Specs.Naming.Models;

            internal static class Probe
            {
                public static object Use(HookHttpMethod method, HookTask task, OrderIndex index, Order order) => (method, task, index, order);
            }
            """;
        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(probe), new[] { Scenarios.Get("Naming").Spec });
        run.AssertDidNotCrash();
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [SkippableFact]
    public void The_implicit_using_list_covers_the_web_sdk_namespaces_of_the_aspnetcore_shared_framework()
    {
        // The ASP.NET Core shared framework next to the runtime the tests run on (the .NET SDK installs both).
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var aspnet = new DirectoryInfo(Path.Combine(runtime.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App", runtime.Name));
        Skip.IfNot(aspnet.Exists, "no ASP.NET Core shared framework at " + aspnet.FullName);
        var namespaces = new HashSet<string>
        {
            "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
            "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        };

        var found = new List<string>();
        foreach (var file in aspnet.GetFiles("*.dll").Concat(runtime.GetFiles("System.Net.Http.Json.dll")))
        {
            using var stream = file.OpenRead();
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }

            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                var ns = metadata.GetString(type.Namespace);
                if ((type.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public && namespaces.Contains(ns))
                {
                    var name = metadata.GetString(type.Name);
                    found.Add(ns + "." + (name.Contains('`') ? name.Substring(0, name.IndexOf('`')) : name));
                }
            }
        }

        Assert.Contains("Microsoft.AspNetCore.Http.Results", found);
        Assert.Contains("Microsoft.Extensions.Logging.ILogger", found);
        var missing = found.Where(n => !ImplicitUsingTypeNames.All.Contains(n.Substring(n.LastIndexOf('.') + 1))).Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    [Fact]
    public void The_implicit_using_list_covers_the_dotnet8_reference_assemblies()
    {
        var namespaces = new HashSet<string> { "System", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks", "System.Collections.Generic" };
        var compilation = GeneratorHarness.CreateCompilation();
        var missing = new List<string>();
        foreach (var ns in namespaces)
        {
            var symbol = compilation.GlobalNamespace;
            foreach (var part in ns.Split('.'))
            {
                symbol = symbol.GetNamespaceMembers().Single(n => n.Name == part);
            }

            missing.AddRange(symbol.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public && !ImplicitUsingTypeNames.All.Contains(t.Name)).Select(t => ns + "." + t.Name));
        }

        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }
}
