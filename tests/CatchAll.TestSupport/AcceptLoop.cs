using System;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.TestSupport;

/// <summary>
/// The accept loop the loopback servers share: take the next connection, hand it to a task of its own, repeat until
/// stopped. Stopping cancels <see cref="Stopping"/> and closes the listener; whatever the closed listener throws
/// then ends the loop.
/// </summary>
internal sealed class AcceptLoop<TConnection> : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action _closeListener;
    private readonly Task _loop;

    public AcceptLoop(Func<CancellationToken, Task<TConnection>> accept, Func<TConnection, Task> handle, Action closeListener)
    {
        _closeListener = closeListener;
        _loop = Task.Run(async () =>
        {
            while (!_stopping.IsCancellationRequested)
            {
                TConnection connection;
                try
                {
                    connection = await accept(_stopping.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The listener was closed under the accept, or failed: either way no connection comes any more.
                    return;
                }

                _ = Task.Run(() => handle(connection));
            }
        });
    }

    /// <summary>Cancelled when the server stops; handlers end their waits with it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    public void Dispose()
    {
        Stop();
        _loop.Wait(Eventually.Bound);
        _stopping.Dispose();
    }

    private void Stop()
    {
        _stopping.Cancel();
        _closeListener();
    }
}
