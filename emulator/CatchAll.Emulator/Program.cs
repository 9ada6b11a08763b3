using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Emulator;

/// <summary>Runs the emulator standalone: <c>dotnet run --project emulator/CatchAll.Emulator -- --urls http://127.0.0.1:5080</c>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions { Urls = "http://127.0.0.1:5080" };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--urls" when value is not null:
                    options.Urls = value;
                    i++;
                    break;
                case "--api-key" when value is not null:
                    options.ApiKey = value;
                    i++;
                    break;
                case "--time-scale" when value is not null:
                    options.TimeScale = double.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--seed" when value is not null:
                    options.Seed = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--concurrency-limit" when value is not null:
                    options.ConcurrencyLimit = value == "none" ? null : int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--enrichment-irregularity" when value is not null:
                    options.EnrichmentIrregularity = double.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--min-schedule-interval" when value is not null:
                    options.MinimumScheduleInterval = TimeSpan.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "-h" or "--help":
                    Console.WriteLine("CatchAll emulator. Options: --urls URL  --api-key KEY  --time-scale X  --seed N  --concurrency-limit N|none  --min-schedule-interval HH:MM:SS  --enrichment-irregularity 0..1");
                    return 0;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option: {args[i]}");
                    return 2;
            }
        }

        using var stop = new CancellationTokenSource();

        // SIGTERM as well as Ctrl+C: the web host swallows SIGTERM for its own lifetime, which would leave Main waiting.
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        await using var emulator = await CatchAllEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);
        Console.WriteLine($"CatchAll emulator listening on {emulator.BaseAddress} (x-api-key: {emulator.ApiKey}). Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        return 0;
    }
}
