using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CatchAll.TestSupport;
using Microsoft.OpenApi;
using Xunit;

namespace CatchAll.Spec.Tests;

/// <summary>Generated XML docs come from these texts, so none of them may be missing.</summary>
public sealed class DocumentationCoverageTests
{
    [Fact]
    public async Task Every_operation_has_an_id_a_summary_and_a_description()
    {
        var doc = await SpecDocuments.LoadDocumentAsync(RepoPaths.BundledSpec);

        var gaps = new List<string>();
        foreach (var (method, path, op) in ContractFacts.Operations(doc))
        {
            if (string.IsNullOrWhiteSpace(op.OperationId)) gaps.Add($"{method} {path}: operationId");
            if (string.IsNullOrWhiteSpace(op.Summary)) gaps.Add($"{method} {path}: summary");
            if (string.IsNullOrWhiteSpace(op.Description)) gaps.Add($"{method} {path}: description");
        }

        Assert.True(gaps.Count == 0, "Missing:\n" + string.Join("\n", gaps));
    }

    [Fact]
    public async Task Every_schema_property_and_parameter_is_described()
    {
        var doc = await SpecDocuments.LoadDocumentAsync(RepoPaths.BundledSpec);
        var gaps = new List<string>();

        foreach (var (name, schema) in doc.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (string.IsNullOrWhiteSpace(schema.Description)) gaps.Add("schema " + name);
            CheckProperties("schema " + name, schema, gaps);
        }

        foreach (var (name, parameter) in doc.Components?.Parameters ?? new Dictionary<string, IOpenApiParameter>())
        {
            if (string.IsNullOrWhiteSpace(parameter.Description)) gaps.Add("parameter " + name);
        }

        foreach (var (name, response) in doc.Components?.Responses ?? new Dictionary<string, IOpenApiResponse>())
        {
            CheckResponse("response " + name, response, gaps);
        }

        foreach (var (method, path, op) in ContractFacts.Operations(doc))
        {
            var where = method + " " + path;
            foreach (var parameter in op.Parameters ?? [])
            {
                if (string.IsNullOrWhiteSpace(parameter.Description)) gaps.Add($"{where} parameter {parameter.Name}");
            }

            foreach (var (type, media) in op.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                CheckInline($"{where} body {type}", media.Schema, gaps);
            }

            foreach (var (code, response) in op.Responses ?? [])
            {
                CheckResponse($"{where} {code}", response, gaps);
            }
        }

        Assert.True(gaps.Count == 0, "Undescribed:\n" + string.Join("\n", gaps));
    }

    private static void CheckResponse(string where, IOpenApiResponse response, List<string> gaps)
    {
        if (string.IsNullOrWhiteSpace(response.Description)) gaps.Add(where);
        if (response is OpenApiResponseReference) return;
        foreach (var (type, media) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            CheckInline($"{where} {type}", media.Schema, gaps);
        }
    }

    private static void CheckInline(string where, IOpenApiSchema? schema, List<string> gaps)
    {
        // Named schemas are checked once under components; inline ones become generated types too.
        if (schema is null or OpenApiSchemaReference) return;
        CheckProperties(where, schema, gaps);
    }

    private static void CheckProperties(string where, IOpenApiSchema schema, List<string> gaps)
    {
        if (schema is OpenApiSchemaReference) return;

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (string.IsNullOrWhiteSpace(Described(property))) gaps.Add($"{where}.{name}");
            CheckProperties($"{where}.{name}", property, gaps);
            if (property.Items is { } items) CheckProperties($"{where}.{name}[]", items, gaps);
        }

        foreach (var member in (schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
        {
            CheckProperties(where, member, gaps);
        }
    }

    private static string? Described(IOpenApiSchema schema) =>
        // A $ref without its own description documents itself through the schema it names.
        schema is OpenApiSchemaReference reference && string.IsNullOrWhiteSpace(reference.Description)
            ? reference.Target?.Description
            : schema.Description;
}
