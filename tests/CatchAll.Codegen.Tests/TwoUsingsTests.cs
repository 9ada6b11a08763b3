using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// A program that creates a client, sets options, submits, waits, pages and catches errors needs only
/// <c>using CatchAll;</c> and <c>using CatchAll.Models;</c>, under the default implicit usings too.
/// </summary>
public sealed class TwoUsingsTests
{
    private const string Program = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        using CatchAll;
        using CatchAll.Models;

        namespace Consumer;

        internal static class Program
        {
            public static async Task<int> Main()
            {
                var options = new CatchAllClientOptions { ApiKey = "key", Retry = new RetryOptions { MaxAttempts = 3 } };
                options.DefaultHeaders["X-Team"] = "research";
                using var client = new CatchAllClient(options);
                try
                {
                    var request = new RequestOptions { Timeout = TimeSpan.FromSeconds(30) };
                    var submitted = await client.Jobs.CreateJobAsync(new SubmitRequest { Query = "q", Mode = Mode.Base }, request);
                    StatusResponse status = await client.Jobs.WaitForCompletionAsync(submitted.JobId, new PollingOptions { Interval = TimeSpan.FromSeconds(30) }, new Progress<StatusResponse>(s => Console.WriteLine(s.Status)));
                    AsyncPageable<PullJobResponse, Record> records = client.Jobs.GetJobResultsAllAsync(status.JobId);
                    await foreach (var record in records)
                    {
                        Console.WriteLine(record.RecordTitle);
                    }

                    ApiResponse<StatusResponse> raw = await client.Jobs.GetJobStatusWithResponseAsync(status.JobId);
                    return raw.StatusCode;
                }
                catch (JobFailedException ex)
                {
                    Console.WriteLine(ex.Result.Status);
                    return 2;
                }
                catch (RateLimitedException ex)
                {
                    Console.WriteLine(ex.RetryAfter);
                    return 3;
                }
                catch (CatchAllApiException ex)
                {
                    Console.WriteLine(ex.StatusCode);
                    return 4;
                }
                catch (CatchAllTimeoutException)
                {
                    return 5;
                }
                catch (CatchAllException)
                {
                    return 1;
                }
            }
        }
        """;

    [Fact]
    public void A_whole_program_compiles_with_only_the_two_usings()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Program), new[] { Scenarios.Get(Scenarios.Bundled).Spec });
        run.AssertDidNotCrash();
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }
}
