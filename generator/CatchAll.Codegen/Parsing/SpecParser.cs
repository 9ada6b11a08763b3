using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CatchAll.Codegen.Diagnostics;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// Reads one OpenAPI document into the equatable <see cref="SpecModel"/>. Holds no Roslyn
/// types: the generator and the tests call it the same way.
/// </summary>
internal sealed partial class SpecParser
{
    private static readonly Regex LineColumn = new(@"line (\d+), column (\d+)", RegexOptions.CultureInvariant);

    private readonly SpecInput _input;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private YamlLocator? _locator;
    private SharpYaml.YamlException? _yamlError;
    private bool _locatorBuilt;

    private SpecParser(SpecInput input, CancellationToken cancellationToken)
    {
        _input = input;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses a spec; never throws except for cancellation.</summary>
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(input, cancellationToken);
        SpecModel? model;
        try
        {
            model = parser.Run();
            if (model is not null)
            {
                model = parser.Subset(model);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A generator that throws takes the whole build down with CS8785; report and move on.
            parser.Report(DiagnosticIds.InternalError, "#", ex.GetType().Name + ": " + ex.Message);
            model = null;
        }

        return new ParseResult(input.Path, model, parser.WithoutEchoes().ToEquatableArray());
    }

    private SpecModel? Run()
    {
        if (!IsIdentifierPath(_input.Namespace))
        {
            ReportAt(DiagnosticIds.InvalidMetadata, 1, 1, $"Namespace '{_input.Namespace}' is not a valid C# namespace");
            return null;
        }

        if (!IsIdentifierPath(_input.ClientName) || _input.ClientName.Contains("."))
        {
            ReportAt(DiagnosticIds.InvalidMetadata, 1, 1, $"ClientName '{_input.ClientName}' is not a valid C# type name");
            return null;
        }

        if (string.IsNullOrWhiteSpace(_input.Text))
        {
            ReportAt(DiagnosticIds.EmptySpec, 1, 1, $"The spec '{Path.GetFileName(_input.Path)}' is empty");
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        OpenApiDocument? document;
        IList<OpenApiError> errors;
        IList<OpenApiError> warnings;
        try
        {
            document = Load(out errors, out warnings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (ReportedMalformedYaml())
            {
                return null;
            }

            // The OpenAPI reader throws on some half-typed documents (a key with no value yet).
            // That is a spec problem, so it is reported as one, at the empty key when we can find it.
            if (Locator()?.FirstMissingValue() is { } empty)
            {
                Report(DiagnosticIds.InvalidSpec, empty, $"'{empty}' has no value; a schema or object is expected there");
            }
            else
            {
                ReportAt(DiagnosticIds.InvalidSpec, 1, 1, "the OpenAPI reader failed: " + ex.Message);
            }

            return null;
        }

        if ((document is null || errors.Count > 0) && ReportedMalformedYaml())
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
                ReportAt(DiagnosticIds.InvalidSpec, 1, 1, "the OpenAPI reader returned no document");
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
            Report(DiagnosticIds.InvalidSpec, "#", "the document has no paths, webhooks or component schemas; is it an OpenAPI 3.x document?");
            return null;
        }

        return BuildModel(document);
    }

    private SpecModel Subset(SpecModel model)
    {
        var subset = ResourceSubset.Apply(model, ResourceSubset.ParseList(_input.Resources), out var unknown);
        foreach (var name in unknown)
        {
            var known = model.Resources.Count == 0 ? "none" : string.Join(", ", model.Resources.Select(r => r.Name));
            Report(DiagnosticIds.UnknownResource, "#/tags", $"Resources names '{name}', which is not a tag of this spec, so it selects nothing; known tags: {known}");
        }

        return subset;
    }

    private void ReportReaderFinding(string id, OpenApiError error)
    {
        var match = LineColumn.Match(error.Message ?? string.Empty);
        if (match.Success)
        {
            ReportAt(id, int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), error.Message!);
        }
        else
        {
            Report(id, error.Pointer ?? "#", error.Message ?? "unknown error");
        }
    }

    /// <summary>OpenAPI 3.1 allows a document with only webhooks or only components; either still has types to generate.</summary>
    private static bool HasContent(OpenApiDocument document) =>
        document.Paths is { Count: > 0 }
        || document.Webhooks is { Count: > 0 }
        || document.Components?.Schemas is { Count: > 0 };

    /// <summary>
    /// A reader finding at the very place where the parser reported the same problem its own way (a dangling
    /// $ref is both a validation finding and CATCH0002) would say it twice; the parser's diagnostic says what it did about it.
    /// </summary>
    private List<DiagnosticInfo> WithoutEchoes()
    {
        var own = new HashSet<(int, int)>(_diagnostics.Where(d => d.Id != DiagnosticIds.SpecWarning).Select(d => (d.Line, d.Column)));
        return _diagnostics.Where(d => d.Id != DiagnosticIds.SpecWarning || !own.Contains((d.Line, d.Column))).ToList();
    }

    private OpenApiDocument? Load(out IList<OpenApiError> errors, out IList<OpenApiError> warnings)
    {
        var settings = new OpenApiReaderSettings();
        var reader = new OpenApiYamlReader();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(_input.Text));
        var result = reader.Read(stream, new Uri("file:///catchall-spec.yaml"), settings);
        errors = result.Diagnostic?.Errors ?? new List<OpenApiError>();
        warnings = result.Diagnostic?.Warnings?.Cast<OpenApiError>().ToList() ?? new List<OpenApiError>();
        return result.Document;
    }

    private static string CleanYamlMessage(string message)
    {
        // SharpYaml prefixes "(Lin: .., Col: ..) - (Lin..): "; the diagnostic already has the position.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message.Substring(index + 3) : message;
    }

    private static bool IsIdentifierPath(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var part in name.Split('.'))
        {
            if (part.Length == 0 || Naming.IsKeyword(part) || !(char.IsLetter(part[0]) || part[0] == '_') || !part.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private void Report(string id, string pointer, string message)
    {
        var (line, column) = Locator()?.Locate(pointer) ?? (1, 1);
        ReportAt(id, line, column, message);
    }

    /// <summary>
    /// The locator is a second full YAML pass, a quarter of a warm parse, and only a diagnostic
    /// needs it: it is built on the first one, once. A document the OpenAPI reader loaded cleanly
    /// went through the same SharpYaml parser, so it cannot fail there later.
    /// </summary>
    private YamlLocator? Locator()
    {
        if (!_locatorBuilt)
        {
            _locatorBuilt = true;
            try
            {
                _locator = YamlLocator.Build(_input.Text);
            }
            catch (SharpYaml.YamlException ex)
            {
                _yamlError = ex;
            }
        }

        return _locator;
    }

    /// <summary>Malformed YAML gets its exact position from the YAML parser itself, ahead of whatever the OpenAPI reader made of it.</summary>
    private bool ReportedMalformedYaml()
    {
        if (Locator() is not null || _yamlError is not { } ex)
        {
            return false;
        }

        ReportAt(DiagnosticIds.InvalidSpec, ex.Start.Line + 1, ex.Start.Column + 1, "malformed YAML: " + CleanYamlMessage(ex.Message));
        return true;
    }

    private void ReportAt(string id, int line, int column, string message) =>
        _diagnostics.Add(new DiagnosticInfo(id, message, _input.Path, line, column));

    private static string Pointer(params string[] segments) =>
        "#/" + string.Join("/", segments.Select(YamlLocator.Escape));
}
