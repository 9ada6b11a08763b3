using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.TestSupport;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace CatchAll.Client.Tests.Support;

/// <summary>An operation of the spec with the method and path template it is reached by.</summary>
internal sealed record SpecOperation(string Method, string PathTemplate, OpenApiOperation Operation)
{
    public string OperationId => Operation.OperationId ?? throw new InvalidOperationException(Method + " " + PathTemplate + " has no operationId.");
}

/// <summary>The parsed contract, loaded once per test run (parsing the YAML is the slow part).</summary>
internal static class Spec
{
    private static readonly Lazy<OpenApiDocument> Loaded = new(() => LoadAsync().GetAwaiter().GetResult());

    public static OpenApiDocument Document => Loaded.Value;

    public static IReadOnlyList<SpecOperation> Operations() =>
        Document.Paths
            .SelectMany(p => (p.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
                .Select(o => new SpecOperation(o.Key.Method.ToUpperInvariant(), p.Key, o.Value)))
            .ToList();

    public static SpecOperation Operation(string operationId) =>
        Operations().Single(o => o.OperationId == operationId);

    private static async Task<OpenApiDocument> LoadAsync()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var stream = File.OpenRead(RepoPaths.BundledSpec);
        var result = await OpenApiDocument.LoadAsync(stream, OpenApiConstants.Yaml, settings);
        var errors = result.Diagnostic?.Errors.Select(e => e.ToString()).ToList() ?? new List<string>();
        if (result.Document is null || errors.Count > 0)
        {
            throw new InvalidOperationException("The spec did not load:\n" + string.Join("\n", errors));
        }

        return result.Document;
    }
}
