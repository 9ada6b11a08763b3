using System.IO;
using System.Reflection;

namespace CatchAll.Bench.Generator;

/// <summary>openapi/catchall.yaml, embedded so BenchmarkDotNet's child processes find it wherever they run.</summary>
public static class BundledSpec
{
    /// <summary>The path the generator and NSwag are told; only a label, nothing is read from it.</summary>
    public const string Path = "/spec/catchall.yaml";

    private static string? s_text;

    /// <summary>The spec's text.</summary>
    public static string Text => s_text ??= Read();

    private static string Read()
    {
        using var stream = typeof(BundledSpec).Assembly.GetManifestResourceStream("catchall.yaml")
            ?? throw new FileNotFoundException("catchall.yaml is not embedded in " + typeof(BundledSpec).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
