using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace CatchAll.Spec.Tests;

/// <summary>Loads each spec once per test run; parsing the 6,000-line reference is the slow part of these tests.</summary>
internal static class SpecDocuments
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ReadResult>>> Cache = new(StringComparer.Ordinal);

    public static Task<ReadResult> LoadAsync(string path) =>
        Cache.GetOrAdd(Path.GetFullPath(path), p => new Lazy<Task<ReadResult>>(() => ReadAsync(p))).Value;

    public static async Task<OpenApiDocument> LoadDocumentAsync(string path)
    {
        var result = await LoadAsync(path);
        return result.Document ?? throw new InvalidOperationException(path + " produced no document.");
    }

    private static async Task<ReadResult> ReadAsync(string path)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var stream = File.OpenRead(path);
        return await OpenApiDocument.LoadAsync(stream, OpenApiConstants.Yaml, settings);
    }
}
