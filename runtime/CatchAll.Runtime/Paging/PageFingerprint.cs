using System;
using System.Threading;

namespace CatchAll.Runtime;

/// <summary>
/// What the pipeline saw of the body behind a page: an <see cref="AsyncPageable{TPage, TItem}"/> fetching a page
/// installs one for the duration of the fetch, and the pipeline records the body's length and hash into it. Two
/// pages with the same fingerprint are the same bytes, which is how a server that ignores the page number shows,
/// without the pager having to compare model objects it knows nothing about.
/// </summary>
internal sealed class PageFingerprint
{
    private static readonly AsyncLocal<PageFingerprint?> Current = new AsyncLocal<PageFingerprint?>();

    public bool Seen { get; private set; }

    public int Length { get; private set; }

    public ulong Hash { get; private set; }

    public string? OperationId { get; private set; }

    /// <summary>Installs a fresh fingerprint for the calls made until the returned scope is disposed.</summary>
    public static Scope Begin(PageFingerprint fingerprint)
    {
        var previous = Current.Value;
        Current.Value = fingerprint;
        return new Scope(previous);
    }

    public static void Record(ReadOnlySpan<byte> body, string operationId)
    {
        var fingerprint = Current.Value;
        if (fingerprint is null)
        {
            return;
        }

        // FNV-1a: not a defence against a server crafting collisions (it controls the bytes anyway), just a
        // cheap way to tell "the same page again" from "another page".
        var hash = 14695981039346656037UL;
        foreach (var b in body)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        fingerprint.Seen = true;
        fingerprint.Length = body.Length;
        fingerprint.Hash = hash;
        fingerprint.OperationId = operationId;
    }

    public bool SameAs(PageFingerprint? other) =>
        other is not null && Seen && other.Seen && Length == other.Length && Hash == other.Hash;

    public readonly struct Scope : IDisposable
    {
        private readonly PageFingerprint? _previous;

        public Scope(PageFingerprint? previous) => _previous = previous;

        public void Dispose() => Current.Value = _previous;
    }
}
