using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// Shapes that compile only if the generator keeps its own names (locals, nested types, members it
/// adds) apart from the spec's. Each is a small inline spec compiled with every warning as an error.
/// </summary>
public sealed class EdgeCaseCompileTests
{
    private const string ThingResponse = """
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Thing'
        """;

    private const string Thing = """
            Thing:
              type: object
              properties:
                id:
                  type: string
        """;

    [Fact]
    public void Top_level_array_and_map_responses_compile()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              $ref: '#/components/schemas/Thing'
              /counts:
                get:
                  operationId: getCounts
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            additionalProperties:
                              type: integer
            """,
            Thing));
    }

    [Fact]
    public void Multipart_fields_without_a_description_still_get_param_docs()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [file]
                          properties:
                            file:
                              type: string
                              format: binary
                            label:
                              type: string
                  responses:
                    '204':
                      description: ok
            """));
    }

    [Fact]
    public void Deprecated_operations_compile()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /things/{id}:
                get:
                  operationId: getThing
                  deprecated: true
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema:
                        type: string
            """ + "\n" + ThingResponse,
            Thing));
    }

    [Fact]
    public void Parameters_named_like_the_generated_locals_compile()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /things/{request}:
                get:
                  operationId: getThing
                  parameters:
                    - name: request
                      in: path
                      required: true
                      schema:
                        type: string
                    - name: response
                      in: query
                      schema:
                        type: string
                    - name: limit
                      in: query
                      schema:
                        type: integer
                    - name: limit_value
                      in: query
                      schema:
                        type: integer
                    - name: item
                      in: query
                      schema:
                        type: array
                        items:
                          type: integer
            """ + "\n" + ThingResponse,
            Thing));
    }

    [Fact]
    public void Multipart_field_named_like_the_file_overload_locals_compiles()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [file]
                          properties:
                            file:
                              description: The file.
                              type: string
                              format: binary
                            stream:
                              description: A field named like the overload's local.
                              type: string
                            file_path:
                              description: A field named like the overload's parameter.
                              type: string
                  responses:
                    '204':
                      description: ok
            """));
    }

    [Fact]
    public void A_property_named_like_the_nested_converter_compiles()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
            """ + "\n" + ThingResponse,
            """
                Thing:
                  type: object
                  properties:
                    json_converter:
                      type: string
                    level:
                      type: string
                      enum: [json-converter, instance]
            """));
    }

    [Fact]
    public void A_schema_named_like_a_unions_unknown_variant_compiles()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /shapes:
                get:
                  operationId: getShape
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Shape'
              /guess:
                get:
                  operationId: getGuess
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/UnknownShape'
            """,
            """
                Shape:
                  oneOf:
                    - $ref: '#/components/schemas/Circle'
                    - $ref: '#/components/schemas/Square'
                  discriminator:
                    propertyName: type
                Circle:
                  type: object
                  properties:
                    type:
                      type: string
                    r:
                      type: number
                Square:
                  type: object
                  properties:
                    type:
                      type: string
                    side:
                      type: number
                UnknownShape:
                  type: object
                  properties:
                    guess:
                      type: string
            """));
    }

    [Fact]
    public void A_schema_named_like_the_nested_converter_is_reported_and_still_compiles()
    {
        var run = InlineSpec.Run(InlineSpec.Document(
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
                            $ref: '#/components/schemas/JsonConverter'
            """,
            """
                JsonConverter:
                  type: object
                  properties:
                    name:
                      type: string
            """));

        // The name is taken by the nested converter every model has: the type is renamed and the user told.
        run.AssertDidNotCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("CATCH0004", diagnostic.Id);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden);
    }

    [Fact]
    public void A_union_variant_with_a_property_named_like_the_discriminator_member_compiles()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /shapes:
                get:
                  operationId: getShape
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Shape'
            """,
            """
                Shape:
                  oneOf:
                    - $ref: '#/components/schemas/Circle'
                    - $ref: '#/components/schemas/Square'
                  discriminator:
                    propertyName: type
                Circle:
                  type: object
                  required: [type]
                  properties:
                    type:
                      type: string
                    kind:
                      type: string
                Square:
                  type: object
                  required: [type]
                  properties:
                    type:
                      type: string
                    side:
                      type: number
            """));
    }

    [Fact]
    public void Recursive_schemas_compile()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /tree:
                get:
                  operationId: getTree
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Node'
            """,
            """
                Node:
                  type: object
                  required: [name]
                  properties:
                    name:
                      type: string
                    parent:
                      oneOf:
                        - $ref: '#/components/schemas/Node'
                        - type: "null"
                    children:
                      type: array
                      items:
                        $ref: '#/components/schemas/Node'
            """));
    }

    [Fact]
    public void Descriptions_with_markup_and_quotes_stay_inside_their_comments()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
                  summary: 'Reads <things> & "stuff" */ /* -- \ '
                  description: |
                    Line one with <b>tags</b> & entities.

                    Line three with a trailing backslash \
            """ + "\n" + ThingResponse,
            """
                Thing:
                  type: object
                  description: "A thing; </summary> is not the end. \"quoted\""
                  properties:
                    id:
                      description: "*/ #region /// <see cref=\"x\"/>"
                      type: string
                      default: "a \"quoted\" default"
            """));
    }

    [Fact]
    public void A_client_name_equal_to_a_resource_client_name_is_reported_or_compiles()
    {
        var run = GeneratorHarness.Run(InlineSpec.File(
            InlineSpec.Document(
                """
                  /things:
                    get:
                      tags: [Things]
                      operationId: getThing
                """ + "\n" + ThingResponse,
                Thing),
            clientName: "ThingsClient"));

        run.AssertDidNotCrash();
        if (run.Diagnostics.IsEmpty)
        {
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden);
        }
        else
        {
            Assert.Contains(run.Diagnostics, d => d.Id is "CATCH0004" or "CATCH0008");
        }
    }

    [Fact]
    public void Descriptions_with_unicode_line_separators_stay_inside_their_comments()
    {
        // C# ends a line at U+2028, U+2029 and U+0085 as well as at '\n': a /// line holding one would spill into code.
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
                  summary: "Before\u2029after"
            """ + "\n" + ThingResponse,
            """
                Thing:
                  type: object
                  description: "One\u2028two\u0085three"
                  properties:
                    id:
                      type: string
            """));
    }

    [Fact]
    public void Multipart_file_parts_carry_the_content_type_the_spec_declares()
    {
        var run = InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /photos:
                post:
                  operationId: uploadPhoto
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [photo]
                          properties:
                            photo:
                              description: The picture.
                              type: string
                              format: binary
                        encoding:
                          photo:
                            contentType: image/png
                  responses:
                    '204':
                      description: ok
              /blobs:
                post:
                  operationId: uploadBlob
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [blob]
                          properties:
                            blob:
                              description: Any bytes.
                              type: string
                              format: binary
                  responses:
                    '204':
                      description: ok
            """));

        var client = run.Source("Inline.DefaultClient.g.cs");
        Assert.Contains(".AddMultipartFile(\"photo\", photo, photoFileName, \"image/png\");", client);
        Assert.Contains(".AddMultipartFile(\"blob\", blob, blobFileName, \"application/octet-stream\");", client);
    }

    [Fact]
    public void Non_ascii_and_symbol_names_compile()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /café/{número}:
                get:
                  tags: [Café Bar]
                  operationId: café.get-by.número
                  parameters:
                    - name: número
                      in: path
                      required: true
                      schema:
                        type: integer
                    - name: X-Request-Id
                      in: header
                      schema:
                        type: string
                    - name: filter[name]
                      in: query
                      schema:
                        type: string
            """ + "\n" + ThingResponse,
            """
                Thing:
                  type: object
                  properties:
                    "名前":
                      type: string
                    café:
                      type: string
                    "@type":
                      type: string
                    type:
                      type: string
                    _links:
                      type: object
                    "a.b":
                      type: string
            """));
    }

    [Fact]
    public void Inheritance_style_discriminator_without_oneOf_compiles()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /pets:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Cat'
            """,
            """
                Pet:
                  type: object
                  required: [pet_type]
                  properties:
                    pet_type:
                      type: string
                  discriminator:
                    propertyName: pet_type
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        lives:
                          type: integer
            """));
    }

    [Fact]
    public void Unsupported_shapes_warn_and_the_rest_still_compiles()
    {
        var run = InlineSpec.Run(InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
                  parameters:
                    - name: session
                      in: cookie
                      schema:
                        type: string
            """ + "\n" + ThingResponse,
            """
                Thing:
                  type: object
                  properties:
                    either:
                      type: [string, integer]
                    nothing:
                      type: string
                      enum: [null]
                Loop1:
                  allOf:
                    - $ref: '#/components/schemas/Loop2'
                Loop2:
                  allOf:
                    - $ref: '#/components/schemas/Loop1'
            """));

        run.AssertDidNotCrash();
        Assert.NotEmpty(run.Diagnostics);
        Assert.All(run.Diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden);
    }

    [Fact]
    public void An_empty_property_name_compiles()
    {
        InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /things:
                get:
                  operationId: getThing
            """ + "\n" + ThingResponse,
            """
                Thing:
                  type: object
                  properties:
                    "":
                      type: string
            """));
    }

    [Fact]
    public void A_starter_id_property_whose_wire_name_has_a_quote_and_a_backslash_compiles()
    {
        // The submit-and-wait helper names the missing id's wire name inside a generated string literal.
        var run = InlineSpec.AssertCompiles(InlineSpec.Document(
            """
              /things:
                post:
                  operationId: createThing
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Thing'
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Started'
              /things/{id}:
                get:
                  operationId: getThing
                  x-catchall-wait:
                    method: WaitUntilDone
                    status-property: state
                    success: [done]
                    then-wait:
                      - operation: createThing
                        method: CreateAndWait
                        id-property: 'a"b\c'
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema:
                        type: string
            """ + "\n" + ThingResponse,
            """
                Thing:
                  type: object
                  properties:
                    state:
                      type: string
                Started:
                  type: object
                  properties:
                    'a"b\c':
                      type: string
            """));

        var extensions = Assert.Single(run.Sources, s => s.HintName.EndsWith("ClientExtensions.g.cs", System.StringComparison.Ordinal));
        Assert.Contains("has no a\\\"b\\\\c.\"", extensions.SourceText.ToString(), System.StringComparison.Ordinal);
    }
}
