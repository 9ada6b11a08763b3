using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace CatchAll.Emulator.Tests;

internal static class EmulatorFixtures
{
    /// <summary>Real time at 2000× the service's pace: a 13-minute job takes about 0.4 s.</summary>
    public static Task<CatchAllEmulator> StartFastAsync(int? concurrencyLimit = null) => CatchAllEmulator.StartAsync(new EmulatorOptions
    {
        ApiKey = "test-key-0001",
        TimeScale = 0.0005,
        ConcurrencyLimit = concurrencyLimit,
    });

    /// <summary>A fake clock with exact 10-second stages: the test moves the job by hand.</summary>
    /// <param name="configure">Changes to the options, e.g. hourly schedules for a monitor test.</param>
    public static async Task<(CatchAllEmulator Emulator, FakeTimeProvider Time)> StartManualAsync(Action<EmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions
        {
            ApiKey = "manual-key-0002",
            TimeScale = 1,
            StageJitter = 0,
            TimeProvider = time,
            StageDurations = new JobStageDurations
            {
                Submitted = TimeSpan.FromSeconds(10),
                Analyzing = TimeSpan.FromSeconds(10),
                Fetching = TimeSpan.FromSeconds(10),
                Clustering = TimeSpan.FromSeconds(10),
                Enriching = TimeSpan.FromSeconds(10),
            },
        };
        configure?.Invoke(options);
        var emulator = await CatchAllEmulator.StartAsync(options);
        return (emulator, time);
    }
}
