using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;

namespace CatchAll.Emulator.State;

/// <summary>The JSON shapes of stored objects, shared by handlers and webhook payloads.</summary>
internal static class Views
{
    public static JsonObject Pull(EmulatorState state, JobState job, JobSnapshot snapshot, int page, int pageSize)
    {
        var now = state.Now;
        var records = job.Records(snapshot.Checked);
        var items = new JsonArray();
        var start = (long)(page - 1) * pageSize;
        for (var i = start; i < records.Count && i < start + pageSize; i++)
        {
            items.Add(records[(int)i].DeepClone());
        }

        var reachedClusters = snapshot.Stage >= 4;
        var end = snapshot.FinishedAt ?? now;
        var result = new JsonObject
        {
            ["job_id"] = job.Id.ToString(),
            ["query"] = job.Query,
            ["context"] = job.Context,
            ["validators"] = job.ValidatorsJson.DeepClone(),
            ["enrichments"] = job.EnrichmentsJson.DeepClone(),
            ["status"] = snapshot.Status,
            ["error"] = snapshot.Status == "failed" ? job.Error : null,
            ["limit"] = job.Limit,
            ["duration"] = JobState.Duration(end - job.CreatedAt),
            ["candidate_records"] = reachedClusters ? job.Candidates.Count : 0,
            ["valid_records"] = records.Count,
            ["progress_validated"] = snapshot.Checked,
            ["date_range"] = new JsonObject
            {
                ["start_date"] = state.Stamp("job.start_date", job.StartDate),
                ["end_date"] = state.Stamp("job.end_date", job.EndDate),
            },
            ["page"] = page,
            ["page_size"] = pageSize,
            ["total_pages"] = Paging.TotalPages(records.Count, pageSize),
            ["mode"] = job.Mode,
            ["sharing_info"] = null,
            ["all_records"] = items,
        };

        // The contract types context as a string; a job submitted without one omits it instead of sending null.
        if (job.Context is null)
        {
            result.Remove("context");
        }

        return result;
    }

    /// <summary>A job webhook carries the pull response with every record on one page.</summary>
    public static JsonObject JobPayload(EmulatorState state, JobState job, JobSnapshot snapshot)
    {
        var payload = Pull(state, job, snapshot, 1, Math.Max(1, job.Limit));
        payload.Remove("page");
        payload.Remove("page_size");
        payload.Remove("total_pages");
        payload["updated_at"] = Iso.Utc(state.Now);
        return payload;
    }

    public static JsonObject UserJob(EmulatorState state, JobState job) => new()
    {
        ["job_id"] = job.Id.ToString(),
        ["query"] = job.Query,
        ["created_at"] = state.Stamp("job.created_at", job.CreatedAt),
        ["status"] = job.Evaluate(state.Now).Status,
        ["mode"] = job.Mode,
        ["user_key"] = state.MaskedKey,
    };

    public static JsonObject Webhook(EmulatorState state, WebhookState webhook)
    {
        var headers = new JsonObject();
        foreach (var pair in webhook.Headers)
        {
            headers[pair.Key] = pair.Value;
        }

        var parameters = new JsonObject();
        foreach (var pair in webhook.Params)
        {
            parameters[pair.Key] = pair.Value;
        }

        return new JsonObject
        {
            ["id"] = webhook.Id.ToString(),
            ["name"] = webhook.Name,
            ["url"] = webhook.Url,
            ["type"] = webhook.Type,
            ["delivery_mode"] = webhook.DeliveryMode,
            ["method"] = webhook.Method,
            ["headers"] = headers,
            ["params"] = parameters,
            ["formatter_config"] = webhook.FormatterConfig?.DeepClone(),
            ["is_active"] = webhook.IsActive,
            ["organization_id"] = state.OrganizationId.ToString(),
            ["created_by_user_id"] = state.UserId.ToString(),
            ["created_at"] = Iso.Utc(webhook.CreatedAt),
            ["updated_at"] = Iso.Utc(webhook.UpdatedAt),
        };
    }

    public static JsonObject Mapping(WebhookMapping mapping) => new()
    {
        ["id"] = mapping.Id.ToString(),
        ["webhook_id"] = mapping.WebhookId.ToString(),
        ["resource_type"] = mapping.ResourceType,
        ["resource_id"] = mapping.ResourceId.ToString(),
        ["assigned_at"] = Iso.Utc(mapping.AssignedAt),
    };

    public static JsonObject Entity(EmulatorState state, EntityState entity)
    {
        var json = new JsonObject
        {
            ["id"] = entity.Id.ToString(),
            ["entity_type"] = entity.EntityType,
            ["organization_id"] = state.OrganizationId.ToString(),
            ["name"] = entity.Name,
            ["description"] = entity.Description,
            ["additional_attributes"] = new JsonObject
            {
                ["company_attributes"] = entity.CompanyAttributes?.DeepClone() ?? new JsonObject(),
            },
            ["status"] = entity.Status(state.Now),
            ["created_by_user_id"] = state.UserId.ToString(),
            ["created_at"] = Iso.Naive(entity.CreatedAt),
            ["updated_at"] = Iso.Naive(entity.UpdatedAt),
        };
        return json;
    }

    public static JsonObject EntitySummary(EmulatorState state, EntityState entity) => new()
    {
        ["id"] = entity.Id.ToString(),
        ["name"] = entity.Name,
        ["entity_type"] = entity.EntityType,
        ["status"] = entity.Status(state.Now),
        ["description"] = entity.Description,
        ["attributes"] = entity.CompanyAttributes?.DeepClone() ?? new JsonObject(),
    };

    public static JsonObject Dataset(EmulatorState state, DatasetState dataset) => new()
    {
        ["id"] = dataset.Id.ToString(),
        ["organization_id"] = state.OrganizationId.ToString(),
        ["name"] = dataset.Name,
        ["description"] = dataset.Description,
        ["entity_count"] = dataset.EntityIds.Count,
        ["latest_status"] = dataset.Status(state.Now),
        ["created_by_user_id"] = state.UserId.ToString(),
        ["created_at"] = Iso.Naive(dataset.CreatedAt),
        ["updated_at"] = Iso.Naive(dataset.UpdatedAt),
    };

    public static JsonObject ProjectSummary(EmulatorState state, ProjectState project) => new()
    {
        ["project_id"] = project.Id.ToString(),
        ["name"] = project.Name,
        ["description"] = project.Description,
        ["resources_count"] = ResourceCount(state, project.Id),
        ["created_at"] = state.Stamp("project.created_at", project.CreatedAt),
        ["updated_at"] = state.Stamp("project.updated_at", project.UpdatedAt),
    };

    public static int ResourceCount(EmulatorState state, Guid projectId)
    {
        var count = 0;
        foreach (var link in state.ProjectLinks.Values)
        {
            if (link.ProjectId == projectId)
            {
                count++;
            }
        }

        return count;
    }

    public static JsonObject MonitorListItem(EmulatorState state, MonitorState monitor)
    {
        JsonNode? webhook = null;
        foreach (var mapping in state.Mappings)
        {
            if (mapping.ResourceType == "monitor" && mapping.ResourceId == monitor.Id && state.Webhooks.TryGetValue(mapping.WebhookId, out var hook))
            {
                var headers = new JsonObject();
                foreach (var pair in hook.Headers)
                {
                    headers[pair.Key] = pair.Value;
                }

                var parameters = new JsonObject();
                foreach (var pair in hook.Params)
                {
                    parameters[pair.Key] = pair.Value;
                }

                webhook = new JsonObject { ["url"] = hook.Url, ["method"] = hook.Method is "PUT" ? "PUT" : "POST", ["headers"] = headers, ["params"] = parameters };
                break;
            }
        }

        return new JsonObject
        {
            ["monitor_id"] = monitor.Id.ToString(),
            ["reference_job_id"] = monitor.ReferenceJobId.ToString(),
            ["reference_job_query"] = monitor.Query,
            ["enabled"] = monitor.Enabled,
            ["schedule"] = monitor.Schedule.Cron.Expression,
            ["schedule_human_readable"] = monitor.Schedule.HumanReadable,
            ["timezone"] = monitor.Timezone,
            ["created_at"] = state.Stamp("monitor.created_at", monitor.CreatedAt),
            ["webhook"] = webhook,
            ["user_key"] = state.MaskedKey,
        };
    }

    public static List<T> Sorted<T>(IEnumerable<T> items, Comparison<T> comparison)
    {
        var list = new List<T>(items);
        list.Sort(comparison);
        return list;
    }
}
