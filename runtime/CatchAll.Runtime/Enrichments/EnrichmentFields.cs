using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;

namespace CatchAll;

/// <summary>
/// A record's enrichment object read in one pass as <typeparamref name="T"/>, standing in for the record's
/// <c>Enrichment.AdditionalProperties</c>: the typed read is what the typed methods use, and the dictionary a
/// caller may still ask for is built from it only when first touched (the typed fields as <typeparamref name="T"/>
/// writes them, a field that could not be read with its raw value, unknown fields as sent; a field read as null is
/// left out). Changing the dictionary makes the typed read stale, so a changed one is read again.
/// </summary>
internal sealed class EnrichmentFields<T> : IDictionary<string, JsonElement>
    where T : class
{
    private Dictionary<string, JsonElement>? _members;

    public EnrichmentFields(EnrichmentSet<T> set, T value, IReadOnlyList<EnrichmentProblem> problems, IReadOnlyDictionary<string, JsonElement> unknown)
    {
        Set = set;
        Value = value;
        Problems = problems;
        Unknown = unknown;
    }

    public EnrichmentSet<T> Set { get; }

    public T Value { get; }

    public IReadOnlyList<EnrichmentProblem> Problems { get; }

    public IReadOnlyDictionary<string, JsonElement> Unknown { get; }

    /// <summary>Whether the dictionary was changed since the typed read, which then no longer describes it.</summary>
    public bool Changed { get; private set; }

    public ICollection<string> Keys => Members.Keys;

    public ICollection<JsonElement> Values => Members.Values;

    public int Count => Members.Count;

    public bool IsReadOnly => false;

    // Built once even when two threads touch it first: the loser's copy is dropped.
    private Dictionary<string, JsonElement> Members => _members ?? Interlocked.CompareExchange(ref _members, Build(), null) ?? _members!;

    public JsonElement this[string key]
    {
        get => Members[key];
        set
        {
            Members[key] = value;
            Changed = true;
        }
    }

    public void Add(string key, JsonElement value)
    {
        Members.Add(key, value);
        Changed = true;
    }

    public void Add(KeyValuePair<string, JsonElement> item) => Add(item.Key, item.Value);

    public void Clear()
    {
        Members.Clear();
        Changed = true;
    }

    public bool Contains(KeyValuePair<string, JsonElement> item) => ((ICollection<KeyValuePair<string, JsonElement>>)Members).Contains(item);

    public bool ContainsKey(string key) => Members.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, JsonElement>>)Members).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => Members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Remove(string key) => Mark(Members.Remove(key));

    public bool Remove(KeyValuePair<string, JsonElement> item) => Mark(((ICollection<KeyValuePair<string, JsonElement>>)Members).Remove(item));

    public bool TryGetValue(string key, out JsonElement value) => Members.TryGetValue(key, out value);

    private bool Mark(bool changed)
    {
        Changed |= changed;
        return changed;
    }

    private Dictionary<string, JsonElement> Build()
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var pair in Set.ToValues(Value))
        {
            if (pair.Value.ValueKind != JsonValueKind.Null)
            {
                members[pair.Key] = pair.Value;
            }
        }

        foreach (var problem in Problems)
        {
            members[problem.Name] = problem.Value;
        }

        foreach (var pair in Unknown)
        {
            members[pair.Key] = pair.Value;
        }

        return members;
    }
}
