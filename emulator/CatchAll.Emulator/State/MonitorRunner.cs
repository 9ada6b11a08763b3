using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.Synthetic;

namespace CatchAll.Emulator.State;

/// <summary>Runs monitor schedules on the API clock and folds finished runs into the monitor's records.</summary>
internal static class MonitorRunner
{
    /// <summary>
    /// Starts a job for the due occurrence. Several missed occurrences (after a clock jump) are
    /// folded into one run whose window covers them all, so jumps never flood the emulator.
    /// </summary>
    public static void RunDue(EmulatorState state, MonitorState monitor, DateTimeOffset now)
    {
        if (monitor.Deleted || !monitor.Enabled)
        {
            return;
        }

        var cron = monitor.Schedule.Cron;
        var next = Next(monitor, monitor.Cursor);
        if (next is not DateTimeOffset first || first > now)
        {
            return;
        }

        var occurrence = first;
        for (var i = 0; i < 100_000; i++)
        {
            var following = Next(monitor, occurrence);
            if (following is not DateTimeOffset later || later > now)
            {
                break;
            }

            occurrence = later;
        }

        if (!state.Jobs.TryGetValue(monitor.ReferenceJobId, out var reference))
        {
            monitor.Cursor = occurrence;
            return;
        }

        var previous = monitor.Schedule.WeekStride > 1 ? occurrence.AddDays(-7 * monitor.Schedule.WeekStride) : cron.Previous(occurrence, monitor.Zone);
        var start = monitor.NextWindowStart
            ?? (monitor.Runs.Count > 0 ? monitor.Runs[^1].End : previous ?? occurrence.AddDays(-1));
        if (start >= occurrence)
        {
            start = occurrence.AddMinutes(-1);
        }

        var request = new JobRequest
        {
            Query = reference.Query,
            Context = reference.Context,
            // Without a limit of its own a run is capped by the plan (the job's default), not by the reference job.
            Limit = monitor.Limit,
            StartDate = start,
            EndDate = occurrence,
            Validators = reference.Validators,
            Enrichments = reference.Enrichments,
            EnrichmentsDefined = reference.EnrichmentsDefined,
            Mode = reference.Mode,
            DatasetIds = reference.DatasetIds,
            EdScoreMin = reference.EdScoreMin,
            AssociationType = reference.AssociationType,
            FetchAllWatchlistNews = reference.FetchAllWatchlistNews,
        };
        var job = state.CreateJob(request, occurrence, monitor.Id);
        monitor.Runs.Add(new MonitorRun(job.Id, start, occurrence, occurrence));
        monitor.History.Add(new MonitorStatus("scheduled", occurrence, new JsonObject
        {
            ["job_id"] = job.Id.ToString(),
            ["start_date"] = Iso.NaiveSeconds(start),
            ["end_date"] = Iso.NaiveSeconds(occurrence),
        }));
        monitor.Cursor = occurrence;
        monitor.NextWindowStart = null;
    }

    /// <summary>
    /// The monitor's next run after <paramref name="after"/>. With "every N weeks" only every N-th weekly
    /// occurrence counts, counted from the first occurrence after the monitor was created.
    /// </summary>
    public static DateTimeOffset? Next(MonitorState monitor, DateTimeOffset after)
    {
        var cron = monitor.Schedule.Cron;
        var stride = monitor.Schedule.WeekStride;
        var next = cron.Next(after, monitor.Zone);
        if (stride <= 1)
        {
            return next;
        }

        var anchor = cron.Next(monitor.CreatedAt, monitor.Zone);
        for (var i = 0; i < stride && next is DateTimeOffset at && anchor is DateTimeOffset first; i++)
        {
            var weeks = (long)Math.Round((at - first).TotalDays / 7);
            if (weeks % stride == 0)
            {
                return at;
            }

            next = cron.Next(at, monitor.Zone);
        }

        return next;
    }

    /// <summary>Copies the reference job's records into a new monitor; the first delivery carries them.</summary>
    public static void Seed(EmulatorState state, MonitorState monitor, JobState reference, DateTimeOffset now)
    {
        var snapshot = reference.Evaluate(now);
        foreach (var record in reference.Records(snapshot.Checked))
        {
            if (Add(state, monitor, record, reference.Id, now))
            {
                monitor.PendingInitialRecords.Add(record["record_id"]!.GetValue<string>());
            }
        }
    }

    public static void Collect(EmulatorState state, MonitorState monitor, JobState job, JobSnapshot snapshot)
    {
        monitor.JobsProcessed++;
        if (snapshot.Status != "completed")
        {
            return;
        }

        var at = snapshot.FinishedAt ?? state.Now;
        var existing = monitor.Records.Count;
        var fresh = new List<string>();
        foreach (var record in job.Records(snapshot.Checked))
        {
            if (Add(state, monitor, record, job.Id, at))
            {
                fresh.Add(record["record_id"]!.GetValue<string>());
            }
        }

        var info = new JsonObject
        {
            ["nb_existing_records"] = existing,
            ["nb_final_records"] = fresh.Count,
        };
        var entry = new MonitorStatus("dump", at, info);
        monitor.History.Add(entry);

        var delivered = new List<string>(monitor.PendingInitialRecords);
        delivered.AddRange(fresh);
        monitor.PendingInitialRecords.Clear();
        var records = new JsonArray();
        foreach (var id in delivered)
        {
            if (monitor.Records.TryGetValue(id, out var stored))
            {
                records.Push(stored.ToJson(state));
            }
        }

        var payload = new JsonObject
        {
            ["monitor_id"] = monitor.Id.ToString(),
            ["reference_job_id"] = monitor.ReferenceJobId.ToString(),
            ["latest_job_id"] = job.Id.ToString(),
            ["records_count"] = records.Count,
            ["jobs_processed"] = monitor.JobsProcessed,
            ["updated_at"] = Iso.Utc(state.Now),
            ["cron_expression"] = monitor.Schedule.Cron.Expression,
            ["timezone"] = monitor.Timezone,
            ["records"] = records,
        };
        var additional = new JsonObject
        {
            ["event"] = "monitor.run_completed",
            ["monitor_id"] = monitor.Id.ToString(),
            ["job_id"] = job.Id.ToString(),
            ["schedule"] = monitor.Schedule.Cron.Expression,
        };
        state.DeliverToResource("monitor", monitor.Id, payload, "records", additional, outcome =>
        {
            info["webhook"] = new JsonObject
            {
                ["success"] = outcome.Success,
                ["status_code"] = outcome.StatusCode,
                ["error_message"] = outcome.Error,
            };
        });
    }

    private static bool Add(EmulatorState state, MonitorState monitor, JsonObject record, Guid jobId, DateTimeOffset at)
    {
        var id = record["record_id"]!.GetValue<string>();
        var isNew = !monitor.Records.TryGetValue(id, out var stored);
        if (stored is null)
        {
            stored = new MonitorRecord { RecordId = id, Record = record, AddedOn = at, UpdatedOn = at };
            monitor.Records[id] = stored;
            monitor.RecordOrder.Add(id);
        }
        else
        {
            stored.Record = record;
            stored.UpdatedOn = at;
        }

        if (record["citations"] is JsonArray citations)
        {
            foreach (var citation in citations)
            {
                if (citation is not JsonObject c)
                {
                    continue;
                }

                var link = c["link"]?.GetValue<string>() ?? string.Empty;
                if (Contains(stored.Citations, link))
                {
                    continue;
                }

                stored.Citations.Push(new JsonObject
                {
                    ["title"] = c["title"]?.DeepClone(),
                    ["link"] = link,
                    ["published_date"] = c["published_date"]?.DeepClone(),
                    ["id"] = Hashing.Of(link).ToString("x16", CultureInfo.InvariantCulture) + Hashing.Of("doc:" + link).ToString("x16", CultureInfo.InvariantCulture),
                    ["job_id"] = jobId.ToString(),
                    ["added_on"] = state.Stamp("monitor_citation.added_on", at),
                });
            }
        }

        return isNew;
    }

    private static bool Contains(JsonArray citations, string link)
    {
        foreach (var citation in citations)
        {
            if (citation?["link"]?.GetValue<string>() == link)
            {
                return true;
            }
        }

        return false;
    }
}
