using System.IO;
using System.Linq;
using CatchAll.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// What a user's build says when the contract drifts under them (Specs/Drift: Before.yaml, and
/// After.yaml with schemas renamed, fields added and response codes changed). The promise: new
/// members simply appear, a rename that only drops a Dto suffix changes nothing (C# names never had
/// it), and a real rename breaks the build at the line that used the old name, never silently at run time.
/// </summary>
public sealed class ContractDriftTests
{
    // What a user wrote against the Before contract.
    private const string UserCode = """
        using System.Threading.Tasks;
        using Drift;
        using Drift.Models;

        internal static class UserCode
        {
            public static async Task<string> RunAsync(DriftApi client)
            {
                SubmitResponse submitted = await client.Jobs.SubmitJobAsync(new SubmitRequest { Query = "acquisitions" });
                StatusResponse status = await client.Jobs.GetJobStatusAsync(submitted.JobId);
                return status.Status;
            }
        }
        """;

    // The same code, moved to the After names, using what After added.
    private const string UpdatedUserCode = """
        using System.Threading.Tasks;
        using Drift;
        using Drift.Models;

        internal static class UserCode
        {
            public static async Task<string> RunAsync(DriftApi client)
            {
                SubmitResponse submitted = await client.Jobs.SubmitJobAsync(new SubmitRequest { Query = "acquisitions", Context = "M&A" });
                JobStatusResponse status = await client.Jobs.GetJobStatusAsync(submitted.JobId);
                return status.Status + " " + status.Progress + " " + submitted.EstimatedMinutes;
            }
        }
        """;

    [Fact]
    public void User_code_compiles_against_the_contract_it_was_written_for()
    {
        Assert.Empty(UserErrors("Before", UserCode));
    }

    [Fact]
    public void A_renamed_schema_breaks_the_users_build_loudly_at_the_old_name()
    {
        var errors = UserErrors("After", UserCode);

        // CS0246: the type or namespace name could not be found; one per old name, at the user's line.
        var missing = errors.Where(e => e.Id == "CS0246").Select(e => e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // SubmitRequestDto -> SubmitRequest is no rename in C#; StatusResponseDto -> JobStatusResponse is.
        Assert.Equal(new[] { "StatusResponse" }, missing.Select(m => m.Split('\'')[1]).Distinct());
        Assert.All(errors, e => Assert.Equal("Consumer0.cs", e.Location.GetLineSpan().Path));
    }

    [Fact]
    public void Added_fields_appear_as_new_members_and_changed_success_codes_keep_the_methods_shape()
    {
        // Against After, code using the new names and members compiles: the submit call still returns the
        // JSON body type though its success code moved from 200 to 201 (and a bodiless 202 joined it).
        Assert.Empty(UserErrors("After", UpdatedUserCode));

        // Against Before, the added members do not exist: again a compile error, not a runtime surprise.
        var errors = UserErrors("Before", UpdatedUserCode.Replace("JobStatusResponse ", "StatusResponse "));
        var messages = errors.Select(e => e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.Contains("'Progress'"));
        Assert.Contains(messages, m => m.Contains("'EstimatedMinutes'"));
        Assert.Contains(messages, m => m.Contains("'Context'"));
    }

    [Fact]
    public void Both_contracts_generate_without_a_diagnostic()
    {
        Assert.Empty(Generate("Before", string.Empty).Diagnostics);
        Assert.Empty(Generate("After", string.Empty).Diagnostics);
    }

    private static System.Collections.Generic.List<Diagnostic> UserErrors(string contract, string userCode)
    {
        var run = Generate(contract, userCode);
        run.AssertDidNotCrash();
        Assert.Empty(run.Diagnostics);
        var all = run.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();

        // The generated code itself always compiles; whatever breaks is in the user's file.
        Assert.DoesNotContain(all, d => d.Location.GetLineSpan().Path != "Consumer0.cs");
        return all;
    }

    private static GeneratorRun Generate(string contract, string userCode)
    {
        var path = Path.Combine(RepoPaths.Specs, "Drift", contract + ".yaml");
        var compilation = userCode.Length == 0 ? GeneratorHarness.CreateCompilation() : GeneratorHarness.CreateCompilation(userCode);
        return GeneratorHarness.Run(compilation, new[] { new SpecFile(path, File.ReadAllText(path), "Drift", "DriftApi") });
    }
}
