using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CatchAll.TestSupport;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using Xunit;

namespace CatchAll.Spec.Tests;

/// <summary>Our rendering must state every fact of the vendor's 1.6.1 contract, and no other.</summary>
public sealed class ReferenceConformanceTests
{
    /// <summary>
    /// Facts in which we deliberately differ from 1.6.1. The 1.6.3 page for GET /catchAll/status/{job_id} shows
    /// that operation exactly as 1.6.1 has it (only info.version moved, which OurSpecLoadsTests pins). The error
    /// statuses below are what the service answers beyond 1.6.1's curated list (its server-generated contract
    /// documents 429 "Concurrency limit reached" and the 400/404 of a monitor that cannot be created); the
    /// emulator answers them, so the contract declares them and the emulator's conformance test holds it to them.
    /// </summary>
    private static readonly (string Fact, string Why)[] AllowedDifferences =
    [
        ("POST /catchAll/submit response 429 ref=RateLimitedError", ServiceAnswers),
        ("POST /catchAll/continue response 429 ref=RateLimitedError", ServiceAnswers),
        ("POST /catchAll/monitors/create response 400 ref=BadRequestError", ServiceAnswers),
        ("POST /catchAll/monitors/create response 403 ref=ForbiddenError", "every other operation with the key declares 403"),
        ("POST /catchAll/monitors/create response 404 ref=NotFoundError", ServiceAnswers),
        ("POST /catchAll/monitors/create response 429 ref=RateLimitedError", ServiceAnswers),
        ("POST /catchAll/monitors/{monitor_id}/enable response 429 ref=RateLimitedError", ServiceAnswers),
        ("component response RateLimitedError", ServiceAnswers),
        ("component response RateLimitedError application/json $ref:Error", ServiceAnswers),
    ];

    private const string ServiceAnswers = "the service answers it beyond 1.6.1's curated list";

    private static string StatusPage =>
        Path.Combine(Path.GetDirectoryName(RepoPaths.ReferenceSpec)!, "catchall-status-endpoint-1.6.3.txt");

    [SkippableFact]
    public async Task States_exactly_the_facts_of_the_reference()
    {
        Skip.If(!RepoPaths.ReferenceAvailable, "Reference spec not found at " + RepoPaths.ReferenceSpec);

        var reference = await AllFactsAsync(RepoPaths.ReferenceSpec);
        var ours = await AllFactsAsync(RepoPaths.BundledSpec);
        var allowed = AllowedDifferences.Select(a => a.Fact).ToHashSet(StringComparer.Ordinal);

        var missing = reference.Except(ours).ToList();
        var extra = ours.Except(reference).ToList();
        var unexpectedMissing = missing.Where(f => !allowed.Contains(f)).ToList();
        var unexpectedExtra = extra.Where(f => !allowed.Contains(f)).ToList();
        var staleAllowances = allowed.Where(f => !missing.Contains(f) && !extra.Contains(f)).ToList();

        var report = new StringBuilder();
        Append(report, "Stated by the reference but not by us", unexpectedMissing);
        Append(report, "Stated by us but not by the reference", unexpectedExtra);
        Append(report, "Allowed differences that no longer differ (remove them)", staleAllowances);
        Assert.True(report.Length == 0, report.ToString());

        // Guards against a fact extractor that silently sees nothing.
        Assert.True(reference.Count > 1000, $"Only {reference.Count} facts were read from the reference.");
    }

    [SkippableFact]
    public async Task Status_endpoint_matches_the_1_6_3_page()
    {
        Skip.If(!File.Exists(StatusPage), "1.6.3 status page not found at " + StatusPage);

        var fragment = ExtractYamlFragment(await File.ReadAllTextAsync(StatusPage));
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var page = OpenApiDocument.Parse(fragment, OpenApiConstants.Yaml, settings);
        Assert.NotNull(page.Document);
        Assert.Equal("1.6.3", page.Document!.Info.Version);

        var pageFacts = ContractFacts.Collect(page.Document);
        var ours = ContractFacts.Collect(await SpecDocuments.LoadDocumentAsync(RepoPaths.BundledSpec));

        Assert.Contains(pageFacts, f => f.StartsWith("GET /catchAll/status/{job_id} operationId=getJobStatus", StringComparison.Ordinal));
        var missing = pageFacts.Except(ours).ToList();
        Assert.True(missing.Count == 0, "Facts of the 1.6.3 status page we do not state:\n" + string.Join("\n", missing));
    }

    private static async Task<SortedSet<string>> AllFactsAsync(string path)
    {
        var facts = ContractFacts.Collect(await SpecDocuments.LoadDocumentAsync(path));
        facts.UnionWith(RawYaml.AdditionalProperties(RawYaml.Load(path)));
        return facts;
    }

    private static string ExtractYamlFragment(string page)
    {
        // The page embeds its OpenAPI fragment in a ````yaml fence.
        var start = page.IndexOf("````yaml", StringComparison.Ordinal);
        Assert.True(start >= 0, "The status page has no ````yaml fence.");
        var bodyStart = page.IndexOf('\n', start) + 1;
        var end = page.IndexOf("````", bodyStart, StringComparison.Ordinal);
        Assert.True(end > bodyStart, "The status page's yaml fence is not closed.");
        return page[bodyStart..end];
    }

    private static void Append(StringBuilder report, string title, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        report.AppendLine($"{title} ({lines.Count}):");
        foreach (var line in lines)
        {
            report.AppendLine("  " + line);
        }
    }
}
