using System.Linq;
using CatchAll.Codegen.Emitting;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>Spec descriptions are Markdown; the generated doc comments are XML doc markup.</summary>
public sealed class DocCommentTests
{
    [Fact]
    public void Markdown_code_links_and_emphasis_become_xml_doc_markup()
    {
        Assert.Equal("Set <c>limit</c> to <c>a &lt; b</c>.", SourceWriter.Markdown(SourceWriter.Escape("Set `limit` to `a < b`.")));
        Assert.Equal("See <see href=\"https://example.test/a?b=1&amp;c=2\">the docs</see>.", SourceWriter.Markdown(SourceWriter.Escape("See [the docs](https://example.test/a?b=1&c=2).")));
        Assert.Equal("Very important.", SourceWriter.Markdown("**Very** important."));
        Assert.Equal("A lone ` stays.", SourceWriter.Markdown("A lone ` stays."));
    }

    [Fact]
    public void No_generated_doc_comment_of_the_bundled_spec_shows_markdown_or_escaped_tags()
    {
        var run = Scenarios.Run(Scenarios.Bundled);
        var comments = run.Sources
            .SelectMany(s => s.SourceText.ToString().Split('\n').Select(line => (s.HintName, Line: line.Trim())))
            .Where(x => x.Line.StartsWith("///", System.StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(comments);
        Assert.DoesNotContain(comments, x => x.Line.Contains('`'));
        Assert.DoesNotContain(comments, x => x.Line.Contains("&lt;see", System.StringComparison.Ordinal));
        Assert.Contains(comments, x => x.Line.Contains("<c>", System.StringComparison.Ordinal));
    }
}
