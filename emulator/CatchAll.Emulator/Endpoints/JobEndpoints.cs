using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.State;
using CatchAll.Emulator.Synthetic;

namespace CatchAll.Emulator.Endpoints;

internal static class JobEndpoints
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(5);
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(365);

    public static IEnumerable<Route> Routes()
    {
        yield return new Route("GET", "/catchAll/jobs/user", "getUserJobs", ListUserJobs);
        yield return new Route("POST", "/catchAll/validate", "validateQuery", Validate, BodyKind.Json);
        yield return new Route("POST", "/catchAll/initialize", "initialize", Initialize, BodyKind.Json);
        yield return new Route("POST", "/catchAll/submit", "createJob", Submit, BodyKind.Json);
        yield return new Route("GET", "/catchAll/status/{job_id}", "getJobStatus", Status);
        yield return new Route("GET", "/catchAll/pull/{job_id}", "getJobResults", Pull);
        yield return new Route("POST", "/catchAll/continue", "continueJob", Continue, BodyKind.Json);
        yield return new Route("DELETE", "/catchAll/jobs/{job_id}", "deleteJob", Delete, Auth: AuthKind.Unauthorized);
    }

    private static Reply ListUserJobs(Call call) =>
        UserQueryList.Page(call, call.State.Jobs.Values, "job", "jobs", job => Views.UserJob(call.State, job));

    private static Reply Validate(Call call)
    {
        var body = call.BodyFields();
        var query = body.String("query", required: true);
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        return Reply.Ok(QueryAdvisor.Assess(query!, call.Now));
    }

    private static Reply Initialize(Call call)
    {
        var body = call.BodyFields();
        var query = body.String("query", required: true);
        var context = body.String("context");
        body.UuidList("connected_dataset_ids");
        var watchlistNews = body.Bool("fetch_all_watchlist_news") ?? false;
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var profile = QueryProfile.Analyze(query!, context);
        var (validators, enrichments) = QueryAdvisor.Suggest(profile, watchlistNews);
        var today = new DateTimeOffset(call.Now.UtcDateTime.Date, TimeSpan.Zero);
        return Reply.Ok(new JsonObject
        {
            ["query"] = query,
            ["context"] = context,
            ["validators"] = JobRequest.ToJson(validators, withType: false),
            ["enrichments"] = JobRequest.ToJson(enrichments, withType: true),
            ["start_date"] = call.State.Stamp("initialize.start_date", today - DefaultWindow),
            ["end_date"] = call.State.Stamp("initialize.end_date", today),
            ["date_modification_message"] = new JsonArray("No dates were given, so the default 5-day window applies."),
        });
    }

    private static Reply Submit(Call call)
    {
        var body = call.BodyFields();
        var query = body.String("query", required: true, minLength: 1);
        var context = body.String("context");
        var limit = body.Int("limit", min: 10);
        var startDate = body.DateTime("start_date");
        var endDate = body.DateTime("end_date");
        var validators = FieldLists.Read(body, "validators", enrichments: false);
        var enrichments = FieldLists.Read(body, "enrichments", enrichments: true);
        var mode = body.Enum("mode", ["lite", "base"]) ?? "base";
        var datasetIds = body.UuidList("connected_dataset_ids") ?? [];
        var edScoreMin = body.Int("ed_score_min", min: 1, max: 10) ?? 2;
        var projectId = body.Uuid("project_id");
        var webhookIds = body.UuidList("webhook_ids") ?? [];
        var watchlistNews = body.Bool("fetch_all_watchlist_news") ?? false;
        var association = body.Enum("ed_association_type", ["mention", "event_associated"]);
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var state = call.State;
        var now = call.Now;
        var start = startDate ?? now - DefaultWindow;
        var end = endDate ?? now;
        if (end > now)
        {
            end = now;
        }

        if (start < now - Lookback)
        {
            return Reply.BadRequest($"start_date must be on or after {Iso.Date(now - Lookback)}: the plan allows a lookback of 365 days.");
        }

        if (end <= start)
        {
            return Reply.BadRequest("end_date must be later than start_date.");
        }

        if (webhookIds.Count > 5)
        {
            return Reply.BadRequest("A job can notify at most 5 webhooks.");
        }

        foreach (var webhookId in webhookIds)
        {
            if (!state.Webhooks.ContainsKey(webhookId))
            {
                return Reply.BadRequest($"Webhook {webhookId} was not found.");
            }
        }

        foreach (var datasetId in datasetIds)
        {
            if (!state.Datasets.TryGetValue(datasetId, out var dataset))
            {
                return Reply.BadRequest($"Dataset {datasetId} was not found or is not accessible.");
            }

            var status = dataset.Status(now);
            if (status != "ready")
            {
                return Reply.BadRequest($"Dataset {datasetId} is not ready yet (latest_status: {status}).");
            }
        }

        if (watchlistNews && datasetIds.Count == 0)
        {
            return Reply.BadRequest("fetch_all_watchlist_news needs connected_dataset_ids.");
        }

        if (projectId is Guid project && !state.Projects.ContainsKey(project))
        {
            return Reply.BadRequest($"Project {project} was not found.");
        }

        if (OverConcurrencyLimit(state, now) is Reply busy)
        {
            return busy;
        }

        var job = state.CreateJob(
            new JobRequest
            {
                Query = query!,
                Context = context,
                Limit = limit,
                StartDate = start,
                EndDate = end,
                Validators = validators,
                Enrichments = enrichments,
                EnrichmentsDefined = enrichments is not null,
                Mode = mode,
                DatasetIds = datasetIds,
                EdScoreMin = edScoreMin,
                AssociationType = association,
                FetchAllWatchlistNews = watchlistNews,
            },
            now);
        foreach (var webhookId in webhookIds.Distinct())
        {
            state.Mappings.Add(new WebhookMapping { Id = state.NewId(), WebhookId = webhookId, ResourceType = "job", ResourceId = job.Id, AssignedAt = now });
        }

        if (projectId is Guid assigned)
        {
            state.ProjectLinks[("job", job.Id)] = new ProjectLink(assigned, now);
        }

        return Reply.Ok(new JsonObject { ["job_id"] = job.Id.ToString() });
    }

    /// <summary>429 with Retry-After when <see cref="EmulatorOptions.ConcurrencyLimit"/> jobs are already running.</summary>
    internal static Reply? OverConcurrencyLimit(EmulatorState state, DateTimeOffset now)
    {
        if (state.Options.ConcurrencyLimit is not int maxJobs || state.ActiveJobCount(now) < maxJobs)
        {
            return null;
        }

        var retryAfter = state.SecondsUntilASlotFrees(now);
        return Reply.Detail(429, $"Concurrency limit reached: at most {maxJobs} jobs may run at once.")
            .WithHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
    }

    private static Reply Status(Call call)
    {
        if (call.RouteId("job_id") is not Guid id || !call.State.Jobs.TryGetValue(id, out var job))
        {
            return Reply.NotFound("Job not found.");
        }

        var snapshot = job.Evaluate(call.Now);
        return Reply.Ok(new JsonObject
        {
            ["job_id"] = job.Id.ToString(),
            ["status"] = snapshot.Status,
            ["steps"] = job.Steps(snapshot),
        });
    }

    private static Reply Pull(Call call)
    {
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize();
        if (call.RouteId("job_id") is not Guid id || !call.State.Jobs.TryGetValue(id, out var job))
        {
            return Reply.NotFound("Job not found.");
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        return Reply.Ok(Views.Pull(call.State, job, job.Evaluate(call.Now), page, pageSize));
    }

    private static Reply Continue(Call call)
    {
        var body = call.BodyFields();
        var jobId = body.Uuid("job_id", required: true);
        var newLimit = body.Int("new_limit");
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        if (!call.State.Jobs.TryGetValue(jobId!.Value, out var job) || job.Deleted)
        {
            return Reply.BadRequest($"Job {jobId} was not found.");
        }

        var now = call.Now;
        var snapshot = job.Evaluate(now);
        if (snapshot.Status != "completed")
        {
            return Reply.BadRequest($"Only a completed job can be continued; this job is {snapshot.Status}.");
        }

        // Without a limit a job has already processed everything in its scope (the vendor's lifecycle notes).
        if (job.RequestedLimit is null)
        {
            return Reply.BadRequest("This job was submitted without a limit and has processed all available data: there is nothing to continue.");
        }

        var target = newLimit ?? EmulatorState.PlanMaxResults;
        if (target > EmulatorState.PlanMaxResults)
        {
            return Reply.BadRequest($"new_limit exceeds the plan maximum of {EmulatorState.PlanMaxResults.ToString(CultureInfo.InvariantCulture)} records.");
        }

        if (target <= job.Limit)
        {
            return Reply.BadRequest($"new_limit must be greater than the job's current limit ({job.Limit.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (OverConcurrencyLimit(call.State, now) is Reply busy)
        {
            return busy;
        }

        var previous = job.Limit;
        var from = snapshot.Checked ?? 0;
        job.Limit = target;
        var to = job.CheckTargetFor(target);
        if (to > from)
        {
            var share = Math.Clamp((to - from) / (double)Math.Max(1, job.InitialCheckTarget), 0.25, 1.0);
            job.Continuations.Add(new Continuation(now, from, to, job.StageDurations[4] * share));
        }

        return Reply.Ok(new JsonObject
        {
            ["job_id"] = job.Id.ToString(),
            ["previous_limit"] = previous,
            ["new_limit"] = target,
            ["status"] = "accepted",
        });
    }

    private static Reply Delete(Call call)
    {
        if (call.RouteId("job_id") is not Guid id || !call.State.Jobs.TryGetValue(id, out var job))
        {
            return Reply.NotFound("Job not found.");
        }

        var message = job.Deleted ? "Job was already deleted." : "Job deleted.";
        job.Deleted = true;
        return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = message, ["job_id"] = job.Id.ToString() });
    }
}
