using CatchAll.Codegen.Emitting;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>The writer's raw blocks: what the emitters write fixed code with, so their indentation and line endings must be exact.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void A_block_is_written_at_the_current_indentation_and_keeps_its_own()
    {
        var w = new SourceWriter();
        w.Open("class C");
        w.Block("""
            void M()
            {
                Call();
            }
            """);
        w.Close();

        Assert.Equal("class C\n{\n    void M()\n    {\n        Call();\n    }\n}\n", w.ToString());
    }

    [Fact]
    public void Blank_lines_of_a_block_stay_empty_and_carriage_returns_do_not_reach_the_output()
    {
        var w = new SourceWriter();
        w.Indent();
        w.Block("int a;\r\n   \r\nint b;\n");

        // The trailing newline of the text is one more (empty) line, as a raw literal ending in a blank line asks for.
        Assert.Equal("    int a;\n\n    int b;\n\n", w.ToString());
    }
}
