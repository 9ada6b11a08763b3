using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace CatchAll.EndToEnd.Tests.Infrastructure;

/// <summary>An operation of the contract and the request lines that reach it.</summary>
internal sealed class SpecOperation
{
    public SpecOperation(string method, string pathTemplate, string operationId)
    {
        Method = method;
        PathTemplate = pathTemplate;
        OperationId = operationId;
        var segments = pathTemplate.Split('/');
        LiteralSegments = segments.Count(s => s.Length > 0 && !s.StartsWith('{'));
        Pattern = new Regex(
            "^" + string.Join("/", segments.Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$",
            RegexOptions.CultureInvariant);
    }

    public string Method { get; }

    public string PathTemplate { get; }

    public string OperationId { get; }

    public int LiteralSegments { get; }

    public Regex Pattern { get; }

    public override string ToString() => Method + " " + PathTemplate + " (" + OperationId + ")";
}

/// <summary>
/// The operations declared by openapi/catchall.yaml (the copy built next to the tests, i.e. the same file the
/// generator compiled), and a mapping from a request line back to its operationId.
/// </summary>
internal static class SpecOperations
{
    private static readonly Lazy<OpenApiDocument> Loaded = new(() => LoadAsync().GetAwaiter().GetResult());
    private static readonly Lazy<IReadOnlyList<SpecOperation>> Operations = new(() => ListOperations(Loaded.Value));

    public static IReadOnlyList<SpecOperation> All => Operations.Value;

    /// <summary>The parsed contract, for checks that need more than the operation list (response schemas).</summary>
    public static OpenApiDocument Document => Loaded.Value;

    /// <summary>The declared operation with this operationId.</summary>
    public static OpenApiOperation Operation(string operationId) =>
        Document.Paths.Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .Single(operation => operation.OperationId == operationId);

    public static string SpecPath => Path.Combine(AppContext.BaseDirectory, "catchall.yaml");

    /// <summary>
    /// The operation a request line belongs to. A literal segment beats a parameter, as in any router, so
    /// <c>GET /catchAll/jobs/user</c> is getUserJobs even though <c>/catchAll/jobs/{job_id}</c> would match the text.
    /// </summary>
    public static SpecOperation? Match(string method, string path)
    {
        var candidates = All.Where(o => o.Method == method && o.Pattern.IsMatch(path)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var best = candidates.Max(o => o.LiteralSegments);
        var winners = candidates.Where(o => o.LiteralSegments == best).ToList();
        return winners.Count == 1
            ? winners[0]
            : throw new InvalidOperationException($"{method} {path} matches several operations: {string.Join(", ", winners)}");
    }

    private static async Task<OpenApiDocument> LoadAsync()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var stream = File.OpenRead(SpecPath);
        var result = await OpenApiDocument.LoadAsync(stream, OpenApiConstants.Yaml, settings);
        var errors = result.Diagnostic?.Errors.Select(e => e.ToString()).ToList() ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            throw new InvalidOperationException("The spec did not load:\n" + string.Join("\n", errors));
        }

        return result.Document;
    }

    private static IReadOnlyList<SpecOperation> ListOperations(OpenApiDocument document)
    {
        return document.Paths
            .SelectMany(path => (path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
                .Select(op => new SpecOperation(
                    op.Key.Method.ToUpperInvariant(),
                    path.Key,
                    op.Value.OperationId ?? throw new InvalidOperationException(op.Key + " " + path.Key + " has no operationId."))))
            .ToList();
    }
}
