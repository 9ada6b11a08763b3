using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace CatchAll.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Records reports on the reporting thread. <see cref="Progress{T}"/> would post them to the thread pool,
/// where they can arrive out of order or after the wait has returned.
/// </summary>
internal sealed class SyncProgress<T> : IProgress<T>
{
    private readonly ConcurrentQueue<T> _reports = new();

    public IReadOnlyList<T> Reports => _reports.ToArray();

    public void Report(T value) => _reports.Enqueue(value);
}
