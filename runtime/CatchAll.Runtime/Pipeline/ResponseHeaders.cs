using System;
using System.Collections;
using System.Collections.Generic;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace CatchAll.Runtime;

/// <summary>
/// A response's headers (content headers included, names case-insensitive), copied out of the response the
/// first time they are read. Most calls only want the body: building the dictionary up front was a large
/// part of what a small call allocated.
/// </summary>
internal sealed class ResponseHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    private readonly HttpResponseMessage _response;
    private Dictionary<string, IReadOnlyList<string>>? _headers;

    public ResponseHeaders(HttpResponseMessage response) => _response = response;

    public int Count => Headers.Count;

    public IEnumerable<string> Keys => Headers.Keys;

    public IEnumerable<IReadOnlyList<string>> Values => Headers.Values;

    // Two readers racing both build it and one copy wins; the header collections outlive the response's
    // disposal (only its content is released), so this also works after the body was read.
    private Dictionary<string, IReadOnlyList<string>> Headers => LazyInitializer.EnsureInitialized(ref _headers, Build)!;

    public IReadOnlyList<string> this[string key] => Headers[key];

    public bool ContainsKey(string key) => Headers.ContainsKey(key);

#if NET8_0_OR_GREATER
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<string> value) => Headers.TryGetValue(key, out value);
#else
    public bool TryGetValue(string key, out IReadOnlyList<string> value) => Headers.TryGetValue(key, out value!);
#endif

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => Headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, IReadOnlyList<string>> Build()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(headers, _response.Headers);
        if (_response.Content is not null)
        {
            Add(headers, _response.Content.Headers);
        }

        return headers;
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> target, HttpHeaders source)
    {
        foreach (var header in source)
        {
            target[header.Key] = header.Value.ToArray();
        }
    }
}
