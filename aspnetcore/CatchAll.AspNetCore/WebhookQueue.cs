using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CatchAll.AspNetCore;

/// <summary>An accepted event and the handler of the endpoint that accepted it.</summary>
internal sealed record WebhookWorkItem(CatchAllWebhookEvent Event, Func<CatchAllWebhookEvent, IServiceProvider, CancellationToken, Task> Handler);

/// <summary>
/// The bounded queue between the endpoint, which only checks, parses and enqueues (so it answers within the
/// sender's budget whatever the handler does), and the hosted service that runs handlers with bounded retries.
/// On stop it takes no new events and drains the queue for up to <see cref="CatchAllWebhookOptions.ShutdownTimeout"/>;
/// whatever is left then is logged, event by event, as not handled.
/// </summary>
internal sealed class WebhookQueue : IHostedService, IDisposable
{
    private readonly Channel<WebhookWorkItem> _channel;
    private readonly CatchAllWebhookOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly List<Task> _workers = [];
    private int _depth;
    private int _disposed;
    private volatile bool _stopping;

    public WebhookQueue(IOptions<CatchAllWebhookOptions> options, IServiceProvider services, ILogger<WebhookQueue> logger, IMeterFactory meters)
    {
        _options = options.Value;
        _options.Validate();
        _services = services;
        _logger = logger;
        Time = _options.TimeProvider ?? TimeProvider.System;
        Dedupe = new DedupeWindow(_options.DedupeWindow, _options.DedupeCapacity);
        Metrics = new WebhookMetrics(meters, () => Depth);
        Json = _options.TypeInfoResolver is { } resolver ? new JsonSerializerOptions { TypeInfoResolver = resolver } : null;
        Json?.MakeReadOnly();
        _channel = Channel.CreateBounded<WebhookWorkItem>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = _options.MaxConcurrentHandlers == 1,
        });
    }

    public CatchAllWebhookOptions Options => _options;

    public TimeProvider Time { get; }

    public DedupeWindow Dedupe { get; }

    public WebhookMetrics Metrics { get; }

    public ILogger Logger => _logger;

    public JsonSerializerOptions? Json { get; }

    /// <summary>Events accepted and not yet handled (queued or in a handler).</summary>
    public int Depth => Volatile.Read(ref _depth);

    /// <summary>Queues an accepted event; false when the queue is full or stopping (the caller answers 503).</summary>
    public bool TryEnqueue(WebhookWorkItem item)
    {
        if (_stopping)
        {
            return false;
        }

        Interlocked.Increment(ref _depth);
        if (_channel.Writer.TryWrite(item))
        {
            return true;
        }

        Interlocked.Decrement(ref _depth);
        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _options.MaxConcurrentHandlers; i++)
        {
            _workers.Add(Task.Run(WorkAsync, CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _channel.Writer.TryComplete();
        Log.Draining(_logger, Depth, _options.ShutdownTimeout);
        try
        {
            await Task.WhenAll(_workers).WaitAsync(_options.ShutdownTimeout, Time, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Out of time: handlers see their token cancelled, and what is still queued is reported below.
        }

        await _abort.CancelAsync().ConfigureAwait(false);
        while (_channel.Reader.TryRead(out var left))
        {
            Interlocked.Decrement(ref _depth);
            Abandon(left.Event);
        }
    }

    public void Dispose()
    {
        // Registered as itself and as a hosted service, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _abort.Cancel();
            _abort.Dispose();
        }
    }

    private async Task WorkAsync()
    {
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                while (!_abort.IsCancellationRequested && reader.TryRead(out var item))
                {
                    try
                    {
                        await HandleAsync(item).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException && _abort.IsCancellationRequested))
                    {
                        // HandleAsync contains the handler's failures; what still gets here came from around it (a
                        // logger or meter listener that throws, say). A worker that died here would leave the
                        // endpoint answering 200 for events nobody handles, so the event is given up and work goes on.
                        Dedupe.Remove(item.Event.Id);
                        Fault(ex, item.Event);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _depth);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Shutdown timed out; StopAsync reports what was left.
        }
        catch (Exception ex)
        {
            // The channel itself failed (it is disposed with the host): nothing is left to read from.
            Fault(ex, null);
        }
    }

    private void Fault(Exception exception, CatchAllWebhookEvent? e)
    {
        try
        {
            Metrics.EventFailed(e?.Kind.Value ?? "unknown", "worker_fault");
            Log.WorkerFault(_logger, exception, e?.Id ?? "(none)", e?.Kind.Value ?? "(none)");
        }
        catch (Exception)
        {
            // The logger or a metrics listener is what threw: there is nowhere left to report to.
        }
    }

    /// <summary>The longest wait between two attempts at one event, unless RetryDelay alone is longer.</summary>
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <paramref name="first"/> doubled per attempt, capped: uncapped, a large MaxAttempts overflowed TimeSpan (or
    /// Task.Delay's range) in the worker, which then stopped for good while the endpoint went on accepting.
    /// </summary>
    internal static TimeSpan BackoffDelay(TimeSpan first, int attempt)
    {
        var cap = first > MaxRetryDelay ? first : MaxRetryDelay;
        var longest = TimeSpan.FromDays(1);
        if (cap > longest)
        {
            cap = longest;
        }

        var ticks = first.Ticks * Math.Pow(2, Math.Min(Math.Max(attempt - 1, 0), 62));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    private async Task HandleAsync(WebhookWorkItem item)
    {
        var e = item.Event;
        var kind = e.Kind.Value;
        for (var attempt = 1; ; attempt++)
        {
            var started = Time.GetTimestamp();
            try
            {
                var scope = _services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await item.Handler(e, scope.ServiceProvider, _abort.Token).ConfigureAwait(false);
                }

                var elapsed = Time.GetElapsedTime(started);
                Metrics.Attempt(kind, success: true, elapsed);
                Log.Handled(_logger, e.Id, kind, attempt, elapsed.TotalMilliseconds);
                return;
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                Abandon(e);
                return;
            }
            catch (Exception ex)
            {
                Metrics.Attempt(kind, success: false, Time.GetElapsedTime(started));
                if (attempt >= _options.MaxAttempts)
                {
                    // Forgotten by the dedupe window, so a redelivery from CatchAll gets another chance.
                    Dedupe.Remove(e.Id);
                    Metrics.EventFailed(kind, "handler_failed");
                    Log.GaveUp(_logger, ex, e.Id, kind, _options.MaxAttempts);
                    return;
                }

                Log.AttemptFailed(_logger, ex, e.Id, kind, attempt, _options.MaxAttempts);
            }

            var delay = BackoffDelay(_options.RetryDelay, attempt);
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, Time, _abort.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Abandon(e);
                    return;
                }
            }
        }
    }

    private void Abandon(CatchAllWebhookEvent e)
    {
        Dedupe.Remove(e.Id);
        Metrics.EventFailed(e.Kind.Value, "shutdown");
        Log.Abandoned(_logger, e.Id, e.Kind.Value);
    }
}
