using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Diagnostics;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// What the readers found wrong with one spec, each finding located at a YAML line and column from a JSON pointer
/// into the document (or given directly); plain data, no Roslyn location.
/// </summary>
internal sealed class SpecDiagnostics
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<DiagnosticInfo> _items = new();
    private YamlLocator? _locator;
    private SharpYaml.YamlException? _yamlError;
    private bool _locatorBuilt;

    public SpecDiagnostics(string path, string text)
    {
        _path = path;
        _text = text;
    }

    public bool Any(string id) => _items.Any(d => d.Id == id);

    /// <summary>Reports at the place a JSON pointer (<c>#/paths/~1jobs/get</c>) names, or at the start when it cannot be found.</summary>
    public void Report(string id, string pointer, string message)
    {
        var (line, column) = Locator()?.Locate(pointer) ?? (1, 1);
        ReportAt(id, line, column, message);
    }

    public void ReportAt(string id, int line, int column, string message) =>
        _items.Add(new DiagnosticInfo(id, message, _path, line, column));

    /// <summary>A pointer from unescaped segments: <c>Pointer("paths", "/jobs", "get")</c> is <c>#/paths/~1jobs/get</c>.</summary>
    public static string Pointer(params string[] segments) =>
        "#/" + string.Join("/", segments.Select(YamlLocator.Escape));

    /// <summary>
    /// The locator is a second full YAML pass, a quarter of a warm parse, and only a diagnostic
    /// needs it: it is built on the first one, once. A document the OpenAPI reader loaded cleanly
    /// went through the same SharpYaml parser, so it cannot fail there later.
    /// </summary>
    public YamlLocator? Locator()
    {
        if (!_locatorBuilt)
        {
            _locatorBuilt = true;
            try
            {
                _locator = YamlLocator.Build(_text);
            }
            catch (SharpYaml.YamlException ex)
            {
                _yamlError = ex;
            }
        }

        return _locator;
    }

    /// <summary>Malformed YAML gets its exact position from the YAML parser itself, ahead of whatever the OpenAPI reader made of it.</summary>
    public bool ReportedMalformedYaml()
    {
        if (Locator() is not null || _yamlError is not { } ex)
        {
            return false;
        }

        ReportAt(DiagnosticIds.InvalidSpec, ex.Start.Line + 1, ex.Start.Column + 1, "malformed YAML: " + CleanYamlMessage(ex.Message));
        return true;
    }

    /// <summary>
    /// A reader finding at the very place where the parser reported the same problem its own way (a dangling
    /// $ref is both a validation finding and CATCH0002) would say it twice; the parser's diagnostic says what it did about it.
    /// </summary>
    public List<DiagnosticInfo> WithoutEchoes()
    {
        var own = new HashSet<(int, int)>(_items.Where(d => d.Id != DiagnosticIds.SpecWarning).Select(d => (d.Line, d.Column)));
        return _items.Where(d => d.Id != DiagnosticIds.SpecWarning || !own.Contains((d.Line, d.Column))).ToList();
    }

    private static string CleanYamlMessage(string message)
    {
        // SharpYaml prefixes "(Lin: .., Col: ..) - (Lin..): "; the diagnostic already has the position.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message.Substring(index + 3) : message;
    }
}
