using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CatchAll.Codegen.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// Reads the spec text into an OpenAPI document with Microsoft.OpenApi, and turns what the reader says about it into
/// located diagnostics: malformed YAML and unreadable documents stop here, validation findings become warnings.
/// </summary>
internal sealed class DocumentReader
{
    private static readonly Regex LineColumn = new(@"line (\d+), column (\d+)", RegexOptions.CultureInvariant);

    private readonly ParseContext _context;
    private readonly SpecDiagnostics _diagnostics;

    public DocumentReader(ParseContext context)
    {
        _context = context;
        _diagnostics = context.Diagnostics;
    }

    /// <summary>The document, or null when it cannot be generated from (the reason is reported).</summary>
    public OpenApiDocument? Read()
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        OpenApiDocument? document;
        IList<OpenApiError> errors;
        IList<OpenApiError> warnings;
        try
        {
            document = Load(out errors, out warnings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (_diagnostics.ReportedMalformedYaml())
            {
                return null;
            }

            // The OpenAPI reader throws on some half-typed documents (a key with no value yet).
            // That is a spec problem, so it is reported as one, at the empty key when we can find it.
            if (_diagnostics.Locator()?.FirstMissingValue() is { } empty)
            {
                _diagnostics.Report(DiagnosticIds.InvalidSpec, empty, $"'{empty}' has no value; a schema or object is expected there");
            }
            else
            {
                _diagnostics.ReportAt(DiagnosticIds.InvalidSpec, 1, 1, "the OpenAPI reader failed: " + ex.Message);
            }

            return null;
        }

        if ((document is null || errors.Count > 0) && _diagnostics.ReportedMalformedYaml())
        {
            return null;
        }

        if (document is null)
        {
            foreach (var error in errors)
            {
                ReportReaderFinding(DiagnosticIds.InvalidSpec, error);
            }

            if (errors.Count == 0)
            {
                _diagnostics.ReportAt(DiagnosticIds.InvalidSpec, 1, 1, "the OpenAPI reader returned no document");
            }

            return null;
        }

        // The document was read: what the reader's validation rules (or its lenient parsing) found is worth
        // knowing but does not stop generation; the parser works from what was read and says what it skipped.
        foreach (var error in errors.Concat(warnings))
        {
            ReportReaderFinding(DiagnosticIds.SpecWarning, error);
        }

        if (!HasContent(document))
        {
            _diagnostics.Report(DiagnosticIds.InvalidSpec, "#", "the document has no paths, webhooks or component schemas; is it an OpenAPI 3.x document?");
            return null;
        }

        return document;
    }

    private void ReportReaderFinding(string id, OpenApiError error)
    {
        var match = LineColumn.Match(error.Message ?? string.Empty);
        if (match.Success)
        {
            _diagnostics.ReportAt(id, int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), error.Message!);
        }
        else
        {
            _diagnostics.Report(id, error.Pointer ?? "#", error.Message ?? "unknown error");
        }
    }

    /// <summary>OpenAPI 3.1 allows a document with only webhooks or only components; either still has types to generate.</summary>
    private static bool HasContent(OpenApiDocument document) =>
        document.Paths is { Count: > 0 }
        || document.Webhooks is { Count: > 0 }
        || document.Components?.Schemas is { Count: > 0 };

    private OpenApiDocument? Load(out IList<OpenApiError> errors, out IList<OpenApiError> warnings)
    {
        var settings = new OpenApiReaderSettings();
        var reader = new OpenApiYamlReader();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(_context.Input.Text));
        var result = reader.Read(stream, new Uri("file:///catchall-spec.yaml"), settings);
        errors = result.Diagnostic?.Errors ?? new List<OpenApiError>();
        warnings = result.Diagnostic?.Warnings?.Cast<OpenApiError>().ToList() ?? new List<OpenApiError>();
        return result.Document;
    }
}
