using System;
using System.Collections.Generic;

namespace CatchAll.AspNetCore;

/// <summary>
/// Ids of recently accepted events, bounded both in time (<see cref="CatchAllWebhookOptions.DedupeWindow"/>) and in
/// count (<see cref="CatchAllWebhookOptions.DedupeCapacity"/>, oldest forgotten first). In memory and per process:
/// a restart or a second instance forgets, so handlers that must never repeat work still check their own store.
/// </summary>
internal sealed class DedupeWindow(TimeSpan window, int capacity)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Records <paramref name="id"/>; false when it was already seen within the window.</summary>
    public bool TryAdd(string id, DateTimeOffset now)
    {
        lock (_gate)
        {
            Trim(now);
            if (_seen.ContainsKey(id))
            {
                return false;
            }

            _seen[id] = now;
            _order.Enqueue((id, now));
            while (_seen.Count > capacity && _order.TryDequeue(out var oldest))
            {
                Forget(oldest);
            }

            return true;
        }
    }

    /// <summary>Forgets <paramref name="id"/>, so a redelivery is handled: the event was not (queue full, handler failed).</summary>
    public void Remove(string id)
    {
        lock (_gate)
        {
            _seen.Remove(id);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.At >= window)
        {
            _order.Dequeue();
            Forget(oldest);
        }

        // Entries removed early leave their place in the queue; drop such stale places so it stays bounded too.
        while (_order.Count > 2 * capacity && _order.TryDequeue(out var stale))
        {
            Forget(stale);
        }
    }

    private void Forget((string Id, DateTimeOffset At) entry)
    {
        // The id may have been removed and added again since: only the entry that matches it counts.
        if (_seen.TryGetValue(entry.Id, out var at) && at == entry.At)
        {
            _seen.Remove(entry.Id);
        }
    }
}
