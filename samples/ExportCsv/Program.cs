// Runs a typed job and exports its records as CSV (RFC 4180): to the file named by the first argument, or to
// standard output. Progress goes to standard error, so `dotnet run --project samples/ExportCsv > deals.csv` works.
// Without CATCHALL_API_KEY it runs against the embedded emulator, offline, in seconds.
using System;
using System.IO;
using System.Threading;
using CatchAll;
using CatchAll.Emulator;
using CatchAll.Models;
using ExportCsv;

var path = args.Length > 0 ? args[0] : null;
var query = args.Length > 1 ? string.Join(" ", args[1..]) : "Acquisitions of AI startups";
var apiKey = Environment.GetEnvironmentVariable("CATCHALL_API_KEY");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

CatchAllEmulator? emulator = null;
try
{
    CatchAllClientOptions options;
    PollingOptions polling;
    if (string.IsNullOrWhiteSpace(apiKey))
    {
        emulator = await CatchAllEmulator.StartAsync(cancellationToken: cancel.Token);
        options = new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress };
        polling = new PollingOptions { Interval = TimeSpan.FromMilliseconds(250), Timeout = TimeSpan.FromMinutes(2) };
        Console.Error.WriteLine($"CatchAll emulator on {emulator.BaseAddress} (set CATCHALL_API_KEY to use the real service)");
    }
    else
    {
        options = new CatchAllClientOptions { ApiKey = apiKey };
        polling = new PollingOptions { Interval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromMinutes(30) };
    }

    using var client = new CatchAllClient(options);
    Console.Error.WriteLine($"Query: {query}");
    var status = await client.Jobs.SubmitAndWaitAsync<Acquisition>(new SubmitRequest { Query = query, Limit = 10 }, polling, cancellationToken: cancel.Token);
    Console.Error.WriteLine($"Job {status.JobId} {status.Status}");

    // Streams page by page from the pager: no page is held once its rows are written.
    var records = client.Jobs.GetJobResultsAllAsync<Acquisition>(status.JobId);
    int rows;
    if (path is null)
    {
        rows = await Acquisition.EnrichmentSet.WriteCsvAsync(records, Console.Out, cancel.Token);
    }
    else
    {
        await using var file = File.CreateText(path);
        rows = await Acquisition.EnrichmentSet.WriteCsvAsync(records, file, cancel.Token);
    }

    Console.Error.WriteLine($"Exported {rows} records{(path is null ? string.Empty : " to " + path)}");
    return 0;
}
catch (JobFailedException ex)
{
    Console.Error.WriteLine($"The job failed{(ex.FailedStep is null ? "" : " while " + ex.FailedStep)}: {ex.Error ?? ex.Message}");
    return 2;
}
catch (CatchAllException ex)
{
    Console.Error.WriteLine($"CatchAll call failed: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
