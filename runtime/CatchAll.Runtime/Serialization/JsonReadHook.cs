using System;
using System.ComponentModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Serialization;

/// <summary>
/// Reads a nested model in place of its generated converter while a scope is open on the current async flow
/// (<see cref="JsonReadHook.Use{T}"/>): how a typed pull reads each record's enrichment object straight into the
/// user's type in the same pass that reads the page, with the generated converters unchanged.
/// </summary>
/// <typeparam name="T">The model it reads.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonReadHook<T>
    where T : class
{
    /// <summary>Reads the model; the reader is on its first token (never JSON null) and is left on its last.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options in use.</param>
    /// <returns>The model.</returns>
    public abstract T Read(ref Utf8JsonReader reader, JsonSerializerOptions options);
}

/// <summary>Opens and closes <see cref="JsonReadHook{T}"/> scopes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReadHook
{
    private static readonly AsyncLocal<object?> Scope = new AsyncLocal<object?>();

    // How many scopes are open anywhere: while none is, a nested read pays one field load and no AsyncLocal lookup.
    private static int _active;

    internal static int Active => Volatile.Read(ref _active);

    /// <summary>The hook for <typeparamref name="T"/> in scope on this flow, or null; cheap while no scope for it is open anywhere.</summary>
    internal static JsonReadHook<T>? For<T>()
        where T : class =>
        Volatile.Read(ref Of<T>.Open) == 0 ? null : Scope.Value as JsonReadHook<T>;

    /// <summary>
    /// Until the result is disposed, reads of <typeparamref name="T"/> on this async flow (and the calls it starts)
    /// go through <paramref name="hook"/>; the innermost scope wins.
    /// </summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="hook">The reader.</param>
    /// <returns>Closes the scope; dispose it on the flow that opened it.</returns>
    public static IDisposable Use<T>(JsonReadHook<T> hook)
        where T : class
    {
        if (hook is null)
        {
            throw new ArgumentNullException(nameof(hook));
        }

        var previous = Scope.Value;
        Interlocked.Increment(ref _active);
        Interlocked.Increment(ref Of<T>.Open);
        Scope.Value = hook;
        return new Closer(previous, () => Interlocked.Decrement(ref Of<T>.Open));
    }

    /// <summary>Runs <paramref name="call"/> with <paramref name="hook"/> in scope; the scope ends with the call, whatever the caller's flow does next.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <typeparam name="TResult">The call's result.</typeparam>
    /// <param name="hook">The reader.</param>
    /// <param name="call">The call, started inside the scope.</param>
    /// <returns>The call's result.</returns>
    public static async Task<TResult> RunAsync<T, TResult>(JsonReadHook<T> hook, Func<Task<TResult>> call)
        where T : class
    {
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        // An async method: the AsyncLocal set here is undone for the caller when it returns.
        using (Use(hook))
        {
            return await call().ConfigureAwait(false);
        }
    }

    // Per model: the AsyncLocal is looked up only for a model some scope reads, not for every nested object.
    private static class Of<T>
    {
        public static int Open;
    }

    private sealed class Closer : IDisposable
    {
        private readonly object? _previous;
        private readonly Action _close;
        private int _disposed;

        public Closer(object? previous, Action close)
        {
            _previous = previous;
            _close = close;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Scope.Value = _previous;
                _close();
                Interlocked.Decrement(ref _active);
            }
        }
    }
}
