using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.Scheduling;
using CatchAll.Emulator.State;

namespace CatchAll.Emulator.Endpoints;

internal static class MonitorEndpoints
{
    private static readonly TimeSpan BackfillHorizon = TimeSpan.FromDays(7);

    public static IEnumerable<Route> Routes()
    {
        yield return new Route("GET", "/catchAll/monitors", "listMonitors", List);
        yield return new Route("POST", "/catchAll/monitors/create", "createMonitor", Create, BodyKind.Json);
        yield return new Route("GET", "/catchAll/monitors/pull/{monitor_id}", "pullMonitorResults", Pull);
        yield return new Route("GET", "/catchAll/monitors/{monitor_id}/jobs", "listMonitorJobs", Jobs);
        yield return new Route("GET", "/catchAll/monitors/{monitor_id}/status", "getMonitorStatusHistory", History, Auth: AuthKind.Unauthorized);
        yield return new Route("POST", "/catchAll/monitors/{monitor_id}/enable", "enableMonitor", Enable, BodyKind.OptionalJson);
        yield return new Route("POST", "/catchAll/monitors/{monitor_id}/disable", "disableMonitor", Disable, BodyKind.OptionalJson);
        yield return new Route("PATCH", "/catchAll/monitors/{monitor_id}", "updateMonitor", Update, BodyKind.Json);
        yield return new Route("DELETE", "/catchAll/monitors/{monitor_id}", "deleteMonitor", Delete, Auth: AuthKind.Unauthorized);
    }

    private static MonitorState? Find(Call call) =>
        call.RouteId("monitor_id") is Guid id && call.State.Monitors.TryGetValue(id, out var monitor) && !monitor.Deleted ? monitor : null;

    private static Reply NotFound() => Reply.NotFound("Monitor not found.");

    private static Reply List(Call call) =>
        UserQueryList.Page(call, call.State.Monitors.Values, "monitor", "monitors", m => Views.MonitorListItem(call.State, m));

    private static Reply Create(Call call)
    {
        var body = call.BodyFields();
        var referenceId = body.Uuid("reference_job_id", required: true);
        var scheduleText = body.String("schedule", required: true);
        var timezone = body.String("timezone") ?? "UTC";
        var webhookIds = body.UuidList("webhook_ids", maxItems: 5) ?? [];
        var limit = body.Int("limit", min: 10);
        var backfill = body.Bool("backfill") ?? true;
        var projectId = body.Uuid("project_id");
        ParsedSchedule? schedule = null;
        if (scheduleText is not null && !ScheduleParser.TryParse(scheduleText, out schedule))
        {
            call.Errors.Add("value_error", $"Value error, could not understand the schedule '{scheduleText}'. Try e.g. 'every day at 12 PM UTC' or a cron expression.", "body", "schedule");
        }

        if (!ScheduleParser.IsKnownZone(timezone))
        {
            call.Errors.Add("value_error", $"Value error, unknown time zone '{timezone}'.", "body", "timezone");
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var state = call.State;
        var now = call.Now;
        var legacy = state.Options.MonitorCreationFailuresAsStatus;

        // The 1.6.1 contract answers a failed creation with 200 and monitor_id null; the service now answers
        // with an error status (and 429 when over the concurrency limit), which is the default here.
        Reply Failed(int status, string message) =>
            legacy ? Reply.Ok(new JsonObject { ["monitor_id"] = null, ["status"] = message }) : Reply.Detail(status, message);
        if (!state.Jobs.TryGetValue(referenceId!.Value, out var reference) || reference.Deleted)
        {
            return Failed(404, $"Reference job {referenceId} was not found.");
        }

        var referenceStatus = reference.Evaluate(now).Status;
        if (referenceStatus != "completed")
        {
            return Failed(400, $"The reference job must be completed before a monitor can use it (status: {referenceStatus}).");
        }

        if (backfill && reference.EndDate < now - BackfillHorizon)
        {
            return Failed(400, "With backfill the reference job's end_date must be within the last 7 days; pass backfill: false or use a newer job.");
        }

        var minimum = state.Options.MinimumScheduleInterval;
        if (minimum > TimeSpan.Zero && schedule!.ShortestInterval(now) is TimeSpan shortest && shortest < minimum)
        {
            return Failed(400, $"The schedule '{scheduleText}' runs every {Describe(shortest)}; the shortest interval allowed is {Describe(minimum)}.");
        }

        foreach (var webhookId in webhookIds)
        {
            if (!state.Webhooks.ContainsKey(webhookId))
            {
                return Failed(404, $"Webhook {webhookId} was not found.");
            }
        }

        if (projectId is Guid project && !state.Projects.ContainsKey(project))
        {
            return Failed(404, $"Project {project} was not found.");
        }

        if (!legacy && JobEndpoints.OverConcurrencyLimit(state, now) is Reply busy)
        {
            return busy;
        }

        var zoneName = schedule!.TimeZoneOverride ?? timezone;
        var monitor = new MonitorState
        {
            Id = state.NewId(),
            ReferenceJobId = reference.Id,
            Query = reference.Query,
            Context = reference.Context,
            Schedule = schedule,
            Timezone = zoneName,
            Zone = ScheduleParser.ResolveZone(zoneName),
            Limit = limit,
            CreatedAt = now,
            Cursor = now,
            NextWindowStart = backfill ? reference.EndDate : null,
        };
        monitor.History.Add(new MonitorStatus("created", now, null));
        MonitorRunner.Seed(state, monitor, reference, now);
        state.Monitors[monitor.Id] = monitor;
        foreach (var webhookId in webhookIds.Distinct())
        {
            state.Mappings.Add(new WebhookMapping { Id = state.NewId(), WebhookId = webhookId, ResourceType = "monitor", ResourceId = monitor.Id, AssignedAt = now });
        }

        if (projectId is Guid assigned)
        {
            state.ProjectLinks[("monitor", monitor.Id)] = new ProjectLink(assigned, now);
        }

        return Reply.Ok(new JsonObject { ["monitor_id"] = monitor.Id.ToString(), ["status"] = "Monitor created successfully." });
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 && span.Seconds == 0
            ? $"{(int)span.TotalHours} hour(s)"
            : $"{(int)span.TotalMinutes} minute(s)";

    private static Reply Pull(Call call)
    {
        if (Find(call) is not MonitorState monitor)
        {
            return NotFound();
        }

        var now = call.Now;
        var records = new JsonArray();
        foreach (var id in monitor.RecordOrder)
        {
            records.Push(monitor.Records[id].ToJson(call.State));
        }

        var running = monitor.Runs.Any(run => call.State.Jobs.TryGetValue(run.JobId, out var job) && job.IsActive(now));
        var status = !monitor.Enabled ? "Disabled" : running ? "Running" : monitor.Runs.Count == 0 ? "Scheduled" : "Done";
        var result = new JsonObject
        {
            ["monitor_id"] = monitor.Id.ToString(),
            ["cron_expression"] = monitor.Schedule.Cron.Expression,
            ["timezone"] = monitor.Timezone,
            ["reference_job"] = ReferenceJob(monitor),
        };
        if (monitor.Runs.Count > 0)
        {
            result["run_info"] = new JsonObject
            {
                ["first_run"] = call.State.Stamp("monitor.first_run", monitor.Runs[0].ScheduledAt),
                ["last_run"] = call.State.Stamp("monitor.last_run", monitor.Runs[^1].ScheduledAt),
            };
        }

        result["records"] = records.Count;
        result["status"] = status;
        result["all_records"] = records;
        // Without a limit of its own each run is capped by the plan, not by the reference job.
        result["limit"] = monitor.Limit ?? EmulatorState.PlanMaxResults;
        return Reply.Ok(result);
    }

    /// <summary>The contract types <c>context</c> as a string: a reference job without one omits it rather than sending null.</summary>
    private static JsonObject ReferenceJob(MonitorState monitor)
    {
        var json = new JsonObject { ["query"] = monitor.Query };
        if (monitor.Context is not null)
        {
            json["context"] = monitor.Context;
        }

        return json;
    }

    private static Reply Jobs(Call call)
    {
        var sort = call.Query.Enum("sort", QueryArgs.SortOrders, "asc")!;
        if (Find(call) is not MonitorState monitor)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var runs = sort == "asc" ? monitor.Runs.OrderBy(r => r.Start).ToList() : monitor.Runs.OrderByDescending(r => r.Start).ToList();
        var jobs = new JsonArray();
        foreach (var run in runs)
        {
            jobs.Push(new JsonObject
            {
                ["job_id"] = run.JobId.ToString(),
                ["start_date"] = call.State.Stamp("monitor_job.start_date", run.Start),
                ["end_date"] = call.State.Stamp("monitor_job.end_date", run.End),
            });
        }

        return Reply.Ok(new JsonObject
        {
            ["monitor_id"] = monitor.Id.ToString(),
            ["sort_order"] = sort,
            ["total_jobs"] = runs.Count,
            ["jobs"] = jobs,
        });
    }

    private static Reply History(Call call)
    {
        if (Find(call) is not MonitorState monitor)
        {
            return NotFound();
        }

        var statuses = new JsonArray();
        for (var i = monitor.History.Count - 1; i >= 0; i--)
        {
            var entry = monitor.History[i];
            statuses.Push(new JsonObject
            {
                ["status"] = entry.Status,
                ["created_at"] = call.State.Stamp("monitor_status.created_at", entry.At),
                ["additional_information"] = entry.Info?.DeepClone(),
            });
        }

        return Reply.Ok(new JsonObject
        {
            ["success"] = true,
            ["message"] = null,
            ["monitor_id"] = monitor.Id.ToString(),
            ["total_statuses"] = statuses.Count,
            ["statuses"] = statuses,
        });
    }

    private static Reply Enable(Call call)
    {
        var backfill = true;
        if (call.Body is not null)
        {
            backfill = call.BodyFields().Bool("backfill") ?? true;
        }

        if (Find(call) is not MonitorState monitor)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var now = call.Now;
        if (!monitor.Enabled && JobEndpoints.OverConcurrencyLimit(call.State, now) is Reply busy)
        {
            return busy;
        }

        var message = monitor.Enabled ? "Monitor is already enabled." : "Monitor enabled successfully.";
        if (!monitor.Enabled)
        {
            monitor.Enabled = true;
            monitor.History.Add(new MonitorStatus("enable", now, null));
            monitor.Cursor = now;
            var lastEnd = monitor.Runs.Count > 0 ? monitor.Runs[^1].End : call.State.Jobs[monitor.ReferenceJobId].EndDate;
            monitor.NextWindowStart = backfill ? (lastEnd > now - BackfillHorizon ? lastEnd : now - BackfillHorizon) : null;
        }

        return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = message, ["monitor_id"] = monitor.Id.ToString() });
    }

    private static Reply Disable(Call call)
    {
        if (Find(call) is not MonitorState monitor)
        {
            return NotFound();
        }

        var message = monitor.Enabled ? "Monitor disabled successfully." : "Monitor is already disabled.";
        if (monitor.Enabled)
        {
            monitor.Enabled = false;
            monitor.History.Add(new MonitorStatus("disable", call.Now, null));
        }

        return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = message, ["monitor_id"] = monitor.Id.ToString() });
    }

    private static Reply Update(Call call)
    {
        var body = call.BodyFields();
        var webhookIds = body.UuidList("webhook_ids", maxItems: 5);
        var limit = body.Int("limit", min: 10);
        if (Find(call) is not MonitorState monitor)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var state = call.State;
        if (webhookIds is not null)
        {
            foreach (var webhookId in webhookIds)
            {
                if (!state.Webhooks.ContainsKey(webhookId))
                {
                    return Reply.NotFound($"Webhook {webhookId} was not found.");
                }
            }

            state.Mappings.RemoveAll(m => m.ResourceType == "monitor" && m.ResourceId == monitor.Id);
            foreach (var webhookId in webhookIds.Distinct())
            {
                state.Mappings.Add(new WebhookMapping { Id = state.NewId(), WebhookId = webhookId, ResourceType = "monitor", ResourceId = monitor.Id, AssignedAt = call.Now });
            }
        }

        if (limit is int newLimit)
        {
            monitor.Limit = newLimit;
        }

        return Reply.Ok(new JsonObject { ["monitor_id"] = monitor.Id.ToString(), ["status"] = "Monitor updated successfully." });
    }

    private static Reply Delete(Call call)
    {
        if (call.RouteId("monitor_id") is not Guid id || !call.State.Monitors.TryGetValue(id, out var monitor))
        {
            return NotFound();
        }

        var message = monitor.Deleted ? "Monitor was already deleted." : "Monitor deleted.";
        monitor.Deleted = true;
        monitor.Enabled = false;
        return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = message, ["monitor_id"] = monitor.Id.ToString() });
    }
}
