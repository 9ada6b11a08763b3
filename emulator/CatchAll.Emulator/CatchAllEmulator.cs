using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Emulator.Endpoints;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.State;
using CatchAll.Emulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CatchAll.Emulator;

/// <summary>
/// A running in-memory CatchAll API on loopback. Start one per test (or fixture), point a client at
/// <see cref="BaseAddress"/> with <see cref="ApiKey"/>, and dispose it when done.
/// </summary>
public sealed class CatchAllEmulator : IAsyncDisposable
{
    private static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(25);
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly WebhookDispatcher _dispatcher;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pumpLoop;
    private int _disposed;

    private CatchAllEmulator(WebApplication app, EmulatorState state, WebhookDispatcher dispatcher, Uri baseAddress)
    {
        _app = app;
        _state = state;
        _dispatcher = dispatcher;
        BaseAddress = baseAddress;
        state.Clock.OnAdvanced(Pump);
        state.Faults.JobFailureRequested = Pump;
        _pumpLoop = Task.Run(PumpLoopAsync);
    }

    /// <summary>Root address of the API, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key to send in <c>x-api-key</c>.</summary>
    public string ApiKey => _state.ApiKey;

    /// <summary>Fault injection (failed jobs, latency, server errors).</summary>
    public EmulatorFaults Faults => _state.Faults;

    /// <summary>The API's clock; <see cref="EmulatorClock.Advance"/> jumps it forward.</summary>
    public EmulatorClock Clock => _state.Clock;

    /// <summary>The options the emulator was started with.</summary>
    public EmulatorOptions Options => _state.Options;

    /// <summary>Webhook deliveries queued or in flight.</summary>
    public int PendingWebhookDeliveries => _dispatcher.Pending;

    /// <summary>Starts an emulator on a free loopback port (or <see cref="EmulatorOptions.Urls"/>).</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<CatchAllEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var apiKey = string.IsNullOrEmpty(options.ApiKey) ? "emu_" + Guid.NewGuid().ToString("N") : options.ApiKey;
        var clock = new EmulatorClock(options.TimeProvider ?? TimeProvider.System, options.TimeScale);
        var state = new EmulatorState(options, clock, new EmulatorFaults(), apiKey);
        var dispatcher = new WebhookDispatcher(state);
        state.Dispatcher = dispatcher;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(CatchAllEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(options.Urls ?? "http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is not null)
        {
            builder.Services.AddSingleton(options.LoggerFactory);
        }

        var app = builder.Build();
        Pipeline.Configure(app, state, RouteTable.All());
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dispatcher.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator did not report a listening address.");
        address = address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
        return new CatchAllEmulator(app, state, dispatcher, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>An <see cref="HttpClient"/> aimed at the emulator that sends the API key.</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return client;
    }

    /// <summary>Waits until queued webhook deliveries (including retries) are done.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns>True when nothing is pending any more.</returns>
    public async Task<bool> WaitForWebhooksAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_dispatcher.Pending > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Stops the server and the background work.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pumpLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        await _dispatcher.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Pump()
    {
        lock (_state.Gate)
        {
            _state.Pump();
        }
    }

    private async Task PumpLoopAsync()
    {
        // Real time on purpose: it only gives the emulator a chance to notice that the (possibly fake) clock moved.
        while (!_stopping.IsCancellationRequested)
        {
            await Task.Delay(PumpInterval, _stopping.Token).ConfigureAwait(false);
            Pump();
        }
    }
}
