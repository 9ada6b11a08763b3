using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>What a schema is, asked without resolving anything: the questions every schema reader shares.</summary>
internal static class SchemaShapes
{
    private const string TypeNameExtension = "x-catchall-type-name";

    public static ComponentKind Classify(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return ComponentKind.Alias;
        }

        var variants = Variants(schema);
        if (variants.Count > 0)
        {
            var nonNull = variants.Where(v => !IsNullSchema(v)).ToList();
            if (nonNull.Count <= 1)
            {
                return ComponentKind.Alias;
            }

            if (HasDiscriminator(schema))
            {
                return ComponentKind.Union;
            }

            return nonNull.All(IsPrimitiveSchema) ? ComponentKind.PrimitiveUnion : ComponentKind.Alias;
        }

        if (schema.AllOf is { Count: > 0 })
        {
            return schema.AllOf.Count == 1 && (schema.Properties is null || schema.Properties.Count == 0)
                ? ComponentKind.Alias
                : ComponentKind.Object;
        }

        var primary = PrimaryType(schema);
        if (schema.Enum is { Count: > 0 } && primary == JsonSchemaType.String)
        {
            return ComponentKind.Enum;
        }

        if (primary == JsonSchemaType.Object || schema.Properties is { Count: > 0 })
        {
            return ComponentKind.Object;
        }

        return ComponentKind.Alias;
    }

    /// <summary>A discriminator without a property name tells nothing apart; the union is treated as having none.</summary>
    public static bool HasDiscriminator(IOpenApiSchema schema) =>
        !string.IsNullOrWhiteSpace(schema.Discriminator?.PropertyName);

    public static string? TypeNameOverride(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && schema.Extensions is not null
        && schema.Extensions.TryGetValue(TypeNameExtension, out var extension)
        && extension is JsonNodeExtension { Node: JsonValue value }
        && value.TryGetValue<string>(out var text)
        && !string.IsNullOrWhiteSpace(text)
            ? Naming.Pascal(text)
            : null;

    public static IList<IOpenApiSchema> Variants(IOpenApiSchema schema) =>
        schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf ?? (IList<IOpenApiSchema>)Array.Empty<IOpenApiSchema>();

    public static JsonSchemaType? PrimaryType(IOpenApiSchema schema) =>
        schema.Type is { } type ? type & ~JsonSchemaType.Null : null;

    public static bool IsNullSchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null;

    public static bool IsPrimitiveSchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && PrimaryType(schema) is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean
        && schema.Enum is not { Count: > 0 };

    public static bool IsEmptySchema(IOpenApiSchema? schema) =>
        schema is null
        || (schema is not OpenApiSchemaReference
            && schema.Type is null
            && schema.Properties is not { Count: > 0 }
            && schema.OneOf is not { Count: > 0 }
            && schema.AnyOf is not { Count: > 0 }
            && schema.AllOf is not { Count: > 0 }
            && schema.Items is null
            && schema.Enum is not { Count: > 0 });

    public static bool IsNullNode(JsonNode? node) =>
        node is null
        || (node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith("openapi-json-null-sentinel-value", StringComparison.Ordinal));
}
