// The README's main command: submit a CatchAll job, follow its stages, print the records.
// Without CATCHALL_API_KEY it runs against the embedded emulator, offline, in seconds.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CatchAll;
using CatchAll.Emulator;
using CatchAll.Models;
using Quickstart;

var query = args.Length > 0 ? string.Join(" ", args) : "Series B funding rounds for SaaS startups";
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
        try
        {
            emulator = await CatchAllEmulator.StartAsync(cancellationToken: cancel.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"Could not start the embedded CatchAll emulator: {ex.Message}");
            return 1;
        }

        options = new CatchAllClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.BaseAddress };
        // The emulator runs a 10-15 minute job in seconds, so it is polled quickly too.
        polling = new PollingOptions { Interval = TimeSpan.FromMilliseconds(250), Timeout = TimeSpan.FromMinutes(2) };
        Console.WriteLine($"CatchAll emulator on {emulator.BaseAddress} (set CATCHALL_API_KEY to use the real service)");
    }
    else
    {
        var baseUrl = Environment.GetEnvironmentVariable("CATCHALL_BASE_URL");
        Uri? baseAddress = null;
        if (!string.IsNullOrWhiteSpace(baseUrl)
            && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out baseAddress) && baseAddress.Scheme is "http" or "https"))
        {
            Console.Error.WriteLine($"CATCHALL_BASE_URL must be an absolute http(s) address such as https://catchall.newscatcherapi.com, not '{baseUrl}'.");
            return 1;
        }

        options = new CatchAllClientOptions { ApiKey = apiKey, BaseAddress = baseAddress };
        polling = new PollingOptions { Interval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromMinutes(30) };
        Console.WriteLine($"CatchAll API at {options.BaseAddress?.ToString() ?? CatchAllClient.DefaultBaseAddress}");
    }

    using var client = new CatchAllClient(options);
    Console.WriteLine($"Query: {query}");
    // The job extracts FundingRound's fields for every record (FundingRound.cs); its records come back typed.
    var submitted = await client.Jobs.CreateJobAsync<FundingRound>(new SubmitRequest { Query = query, Limit = 10 }, cancellationToken: cancel.Token);
    Console.WriteLine($"Job {submitted.JobId} submitted");

    var found = 0;
    Task<StatusResponse> Wait(IJobProgressView view) => client.Jobs.WaitForCompletionWithPartialResultsAsync(
        submitted.JobId,
        new Progress<IReadOnlyList<Record>>(fresh =>
        {
            // Each record arrives once, as soon as a poll finds it.
            found += fresh.Count;
            view.Records(found, fresh[^1].RecordTitle);
        }),
        polling,
        // A plain Progress<T>: the wait hands each status over in order and waits until it is shown.
        new Progress<StatusResponse>(s => view.Stage(s.Status?.ToString() ?? "unknown", s.Steps?.Count(step => step.Completed) ?? 0, s.Steps?.Count ?? 0)),
        cancel.Token);

    // A live display in an interactive terminal; plain lines when output goes to a file or pipe (CI logs, .ci/run).
    var status = LiveJobProgress.Supported ? await LiveJobProgress.RunAsync(Wait) : await Wait(new PlainJobProgress());

    var records = new List<EnrichedRecord<Record, FundingRound>>();
    await foreach (var record in client.Jobs.GetJobResultsAllAsync<FundingRound>(submitted.JobId).WithCancellation(cancel.Token))
    {
        records.Add(record);
    }

    Console.WriteLine();
    Console.WriteLine($"Job {status.JobId} {status.Status}: {records.Count} records");
    Console.WriteLine();
    PrintTable(records);
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

static void PrintTable(IReadOnlyList<EnrichedRecord<Record, FundingRound>> records)
{
    const int TitleWidth = 58;
    const int DetailWidth = 44;
    Console.WriteLine($"{"#",3}  {"Event",-TitleWidth}  {"Funding",-DetailWidth}  Sources");
    Console.WriteLine(new string('-', 3 + 2 + TitleWidth + 2 + DetailWidth + 2 + 7));
    var row = 0;
    foreach (var record in records)
    {
        row++;
        var round = record.Enrichment;
        var details = string.Join("; ", new[]
        {
            round.FundingAmount is { } amount ? $"{amount:#,0.##} {round.FundingCurrency}".TrimEnd() : null,
            round.Stage?.ToString(),
            round.LeadInvestor is { } lead ? "led by " + lead.Metadata.Name : null,
            round.AnnouncementDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }.Where(part => !string.IsNullOrEmpty(part)));
        Console.WriteLine($"{row,3}  {Text.Fit(record.RecordTitle, TitleWidth),-TitleWidth}  {Text.Fit(details, DetailWidth),-DetailWidth}  {record.Record.Citations.Count}");
    }

    // Values the service sent that did not fit their declared type are kept, not lost.
    var problems = records.Sum(r => r.Problems.Count);
    if (problems > 0)
    {
        Console.WriteLine();
        Console.WriteLine($"{problems} field(s) could not be read as declared, e.g. {records.SelectMany(r => r.Problems).First().Message}");
    }
}
