using System;
using System.Text;

namespace CatchAll.Codegen.Emitting;

/// <summary>
/// Builds C# text with indentation and '\n' line endings whatever the host OS, so the output
/// (and its baselines) is byte-identical on every machine.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Indent() => _indent++;

    public void Unindent() => _indent = Math.Max(0, _indent - 1);

    public SourceWriter Line()
    {
        _builder.Append('\n');
        return this;
    }

    public SourceWriter Line(string text)
    {
        if (text.Length == 0)
        {
            return Line();
        }

        for (var i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    /// <summary>
    /// Writes a fixed block of lines (a raw string literal, usually interpolated with <c>$$"""</c>) at the current
    /// indentation, each line keeping its own indentation within the block; a blank line stays empty. The source
    /// file's line endings do not leak into the output: a Windows checkout's \r\n is written as \n.
    /// </summary>
    public SourceWriter Block(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line.TrimEnd());
        }

        return this;
    }

    /// <summary>Writes a line and opens a brace block on the next one.</summary>
    public void Open(string text)
    {
        Line(text);
        Line("{");
        Indent();
    }

    public void Close(string suffix = "")
    {
        Unindent();
        Line("}" + suffix);
    }

    /// <summary>Writes an XML doc comment; text is escaped and split into lines.</summary>
    public void Doc(string tag, string? text, string attributes = "", bool raw = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lines = (raw ? text!.Trim() : Markdown(Escape(text!.Trim()))).Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\u0085', '\n').Split('\n');
        if (lines.Length == 1)
        {
            Line($"/// <{tag}{attributes}>{lines[0].Trim()}</{tag}>");
            return;
        }

        Line($"/// <{tag}{attributes}>");
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            Line(trimmed.Length == 0 ? "/// <para/>" : "/// " + trimmed);
        }

        Line($"/// </{tag}>");
    }

    public void Summary(string? text) => Doc("summary", text);

    private static readonly System.Text.RegularExpressions.Regex CodeSpan = new("`([^`\\n]+)`", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    private static readonly System.Text.RegularExpressions.Regex Link = new(@"\[([^\]\n]+)\]\((https?://[^)\s""]+)\)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    private static readonly System.Text.RegularExpressions.Regex Strong = new(@"\*\*([^*\n]+)\*\*", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Spec descriptions are Markdown; doc comments are XML: <c>`code`</c> becomes <c>&lt;c&gt;</c>, a link becomes
    /// <c>&lt;see href&gt;</c>, <c>**strong**</c> plain text; blank lines already become paragraphs. Runs on escaped text.
    /// </summary>
    public static string Markdown(string escaped)
    {
        var text = CodeSpan.Replace(escaped, "<c>$1</c>");
        text = Link.Replace(text, "<see href=\"$2\">$1</see>");
        return Strong.Replace(text, "$1");
    }

    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
