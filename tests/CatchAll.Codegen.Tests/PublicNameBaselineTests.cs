using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;
using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// Freezes the names the naming rules give consumers' types: for each spec, the singular of every resource (the
/// prefix of a clashing type name, from <see cref="Naming.Singular"/>'s word list) and every generated type name.
/// An edit to the word list or to any naming rule that renames one of them fails here, because it renames a type in
/// somebody's code; when the rename is intended, CATCHALL_UPDATE_BASELINES=1 rewrites Baselines/PublicNames and the
/// CHANGELOG says so.
/// </summary>
public sealed class PublicNameBaselineTests
{
    [Fact]
    public void Bundled_spec_names_match_their_baseline()
    {
        var text = File.ReadAllText(RepoPaths.BundledSpec);
        var rendered = Render(new SpecInput("catchall.yaml", text, "CatchAll", "CatchAllClient"));
        Assert.Contains("resource Jobs: singular Job", rendered);
        Baseline.Verify(Path.Combine("PublicNames", "Bundled"), new[] { ("catchall.yaml.txt", rendered) });
    }

    [SkippableFact]
    public void Corpus_spec_names_match_their_baseline()
    {
        var folder = CorpusTests.CorpusFolder;
        Skip.IfNot(Directory.Exists(folder), "The spec corpus is not at " + folder);
        var files = CorpusTests.Files();
        Skip.If(files.Count == 0, "The spec corpus at " + folder + " holds no document");

        var rendered = files.Select(file =>
        {
            var name = CorpusTests.Naming(file);
            var text = File.ReadAllText(Path.Combine(folder, file));
            return (file + ".txt", Render(new SpecInput(file, text, "Corpus." + name, name + "Api")));
        }).ToList();
        Baseline.Verify(Path.Combine("PublicNames", "Corpus"), rendered);
    }

    [Fact]
    public void The_baseline_holds_the_word_lists_answers_not_the_specs_overrides()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Specs, "SingularOverride.yaml"));
        var rendered = Render(new SpecInput("SingularOverride.yaml", text, "SingularOverride", "SingularOverrideClient"));

        Assert.Contains("resource Octopi: singular Octopi (x-catchall-singular: Octopus)\n", rendered);
        Assert.Contains("resource Hooks: singular Hook\n", rendered);
        Assert.Contains("type OctopusTask\n", rendered);
    }

    private static string Render(SpecInput input)
    {
        var result = SpecParser.Parse(input, CancellationToken.None);
        var builder = new StringBuilder();
        builder.Append("# ").Append(input.Path).Append(": names consumers' code uses. A change here renames their types.\n");
        if (result.Model is not { } model)
        {
            return builder.Append("(no model)\n").ToString();
        }

        foreach (var resource in model.Resources)
        {
            var listed = Naming.Singular(resource.Name);
            builder.Append("resource ").Append(resource.Name).Append(": singular ").Append(listed);
            if (resource.Singular != listed)
            {
                builder.Append(" (x-catchall-singular: ").Append(resource.Singular).Append(')');
            }

            builder.Append('\n');
        }

        foreach (var type in model.Types.Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal))
        {
            builder.Append("type ").Append(type).Append('\n');
        }

        return builder.ToString();
    }
}
