using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Emulator;
using CatchAll.Runtime;

namespace CatchAll.EndToEnd.Tests.Infrastructure;

/// <summary>An emulator on loopback plus a generated client that reaches it through a <see cref="RecordingHandler"/>.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    /// <summary>A Monday morning, so schedules such as "every day at 12 PM UTC" fall on the same day.</summary>
    public static readonly DateTimeOffset FakeStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _httpClient;

    private EmulatorSession(CatchAllEmulator emulator, RecordingHandler http, HttpClient httpClient, CatchAllClient client, CatchAllClientOptions options)
    {
        Emulator = emulator;
        Http = http;
        _httpClient = httpClient;
        Client = client;
        Options = options;
    }

    public CatchAllEmulator Emulator { get; }

    public RecordingHandler Http { get; }

    public CatchAllClient Client { get; }

    public CatchAllClientOptions Options { get; }

    /// <summary>Emulator and client on one fake clock; the API clock runs at the same pace (TimeScale 1) and stages have no jitter.</summary>
    public static Task<EmulatorSession> StartOnFakeClockAsync(SteppingTimeProvider time, JobStageDurations? stages = null) =>
        StartAsync(
            new EmulatorOptions
            {
                TimeProvider = time,
                TimeScale = 1,
                StageJitter = 0,
                StageDurations = stages ?? new JobStageDurations(),
            },
            options => options.TimeProvider = time);

    /// <summary>Emulator on real time; the client retries quickly so retry tests stay short.</summary>
    public static Task<EmulatorSession> StartOnRealClockAsync(string? clientApiKey = null) =>
        StartAsync(
            new EmulatorOptions(),
            options =>
            {
                options.Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };
                if (clientApiKey is not null)
                {
                    options.ApiKey = clientApiKey;
                }
            });

    public static async Task<EmulatorSession> StartAsync(EmulatorOptions emulatorOptions, Action<CatchAllClientOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var emulator = await CatchAllEmulator.StartAsync(emulatorOptions, cancellationToken);
        var options = new CatchAllClientOptions { ApiKey = emulator.ApiKey };
        configure?.Invoke(options);
        var http = new RecordingHandler();

        // The pipeline owns timeouts (on the options' clock); the HttpClient's own timer is real time and must not interfere.
        var httpClient = new HttpClient(http) { BaseAddress = emulator.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        return new EmulatorSession(emulator, http, httpClient, new CatchAllClient(httpClient, options), options);
    }

    /// <summary>A second client on the same emulator with different options (another key, say).</summary>
    public CatchAllClient CreateClient(Action<CatchAllClientOptions> configure)
    {
        var options = new CatchAllClientOptions { ApiKey = Emulator.ApiKey, Retry = Options.Retry, TimeProvider = Options.TimeProvider };
        configure(options);
        return new CatchAllClient(_httpClient, options);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _httpClient.Dispose();
        await Emulator.DisposeAsync();
    }
}
