using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.State;

namespace CatchAll.Emulator.Endpoints;

internal static class MetaEndpoints
{
    public static IEnumerable<Route> Routes()
    {
        yield return new Route("GET", "/health", "healthCheck", _ => Reply.Ok(new JsonObject { ["healthy"] = true }), Auth: AuthKind.Open);
        yield return new Route("GET", "/version", "getVersion", _ => Reply.Ok(new JsonObject { ["version"] = EmulatorState.ApiVersion }), Auth: AuthKind.Open);
        yield return new Route("POST", "/catchAll/user/limits", "getPlanLimits", Limits, BodyKind.OptionalJson);
    }

    private static Reply Limits(Call call)
    {
        var state = call.State;
        var now = call.Now;
        var concurrency = state.Options.ConcurrencyLimit ?? EmulatorOptions.DefaultConcurrencyLimit;
        var records = 0;
        foreach (var job in state.Jobs.Values)
        {
            records += job.Records(job.Evaluate(now).Checked).Count;
        }

        var features = new JsonArray(
            Feature("Jobs Concurrency", "Jobs_Concurrency", concurrency, state.ActiveJobCount(now)),
            Feature("Max Results", "Job_Max_Results", EmulatorState.PlanMaxResults, 0),
            Feature("Monthly Granted Credits", "monthly_free_credits", 200000, records),
            Feature("Monitors", "Monitors_Max", 100, state.Monitors.Values.Count(m => !m.Deleted)));
        return Reply.Ok(new JsonObject { ["features"] = features });
    }

    private static JsonObject Feature(string name, string code, int value, int usage) => new()
    {
        ["name"] = name,
        ["code"] = code,
        ["value_type"] = "integer",
        ["value"] = value,
        ["current_usage"] = usage,
    };
}
