using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CatchAll.Codegen.Tests.Infrastructure;

/// <summary>
/// Compiles a scenario's generated code together with a probe written against it, emits the
/// assembly and loads it, so a test can run the generated converters. The probe is ordinary C#
/// compiled under the same strict options: it also proves the generated API has the intended shape.
/// </summary>
internal static class EmittedScenario
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new(StringComparer.Ordinal);

    /// <summary>One load per scenario and probe: callers pass the same probe text for a scenario.</summary>
    public static Assembly Load(string scenario, string probe) =>
        Loaded.GetOrAdd(scenario, _ => new Lazy<Assembly>(() => Emit(scenario, probe))).Value;

    /// <summary>Calls <c>Probe.Cases.&lt;method&gt;()</c>, a static method returning a string (internal: no doc comments needed).</summary>
    public static string Call(Assembly assembly, string method)
    {
        var cases = assembly.GetType("Probe.Cases", throwOnError: true)!;
        var target = cases.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        Assert.True(target is not null, $"Probe.Cases has no static method '{method}'");
        try
        {
            return (string)target!.Invoke(null, null)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static Assembly Emit(string scenario, string probe)
    {
        var run = Scenarios.Run(scenario);
        var compilation = run.Output
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(probe, GeneratorHarness.ParseOptions, path: "Probe.cs"))
            .WithAssemblyName("CatchAll.Probe." + scenario);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(result.Success && problems.Count == 0, $"probe for '{scenario}' does not compile:\n" + string.Join("\n", problems.Take(20)));
        stream.Position = 0;

        // A context of its own, falling back to the default one for CatchAll.Runtime and the framework.
        return new AssemblyLoadContext("CatchAll.Probe." + scenario, isCollectible: true).LoadFromStream(stream);
    }
}
