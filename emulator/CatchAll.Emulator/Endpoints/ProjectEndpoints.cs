using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.State;

namespace CatchAll.Emulator.Endpoints;

internal static class ProjectEndpoints
{
    private static readonly string[] ResourceTypes = ["job", "monitor", "dataset", "monitor_group"];

    public static IEnumerable<Route> Routes()
    {
        yield return new Route("POST", "/catchAll/projects", "createProject", Create, BodyKind.Json);
        yield return new Route("GET", "/catchAll/projects", "listProjects", List);
        yield return new Route("GET", "/catchAll/projects/{project_id}", "getProject", Get);
        yield return new Route("PATCH", "/catchAll/projects/{project_id}", "updateProject", Update, BodyKind.Json);
        yield return new Route("DELETE", "/catchAll/projects/{project_id}", "deleteProject", Delete);
        yield return new Route("GET", "/catchAll/projects/{project_id}/overview", "getProjectOverview", Overview);
        yield return new Route("POST", "/catchAll/projects/{project_id}/resources", "addResourceToProject", AddResources, BodyKind.Json);
        yield return new Route("GET", "/catchAll/projects/{project_id}/resources", "listProjectResources", ListResources);
        yield return new Route("DELETE", "/catchAll/projects/{project_id}/resources/{resource_type}/{resource_id}", "removeResourceFromProject", RemoveResource);
    }

    private static ProjectState? Find(Call call) =>
        call.RouteId("project_id") is Guid id && call.State.Projects.TryGetValue(id, out var project) ? project : null;

    private static Reply NotFound() => Reply.NotFound("Project not found.");

    private static Reply Create(Call call)
    {
        var body = call.BodyFields();
        var name = body.String("name", required: true, minLength: 1);
        var description = body.String("description");
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var now = call.Now;
        var project = new ProjectState { Id = call.State.NewId(), Name = name!, Description = description, CreatedAt = now, UpdatedAt = now };
        call.State.Projects[project.Id] = project;
        return Reply.Json(201, new JsonObject
        {
            ["success"] = true,
            ["message"] = "Project created.",
            ["project_id"] = project.Id.ToString(),
            ["name"] = project.Name,
        });
    }

    private static Reply List(Call call)
    {
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize();
        var search = call.Query.String("search");
        var ownership = call.Query.Enum("ownership", QueryArgs.Ownership, "all");
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var projects = call.State.Projects.Values
            .Where(p => ownership != "shared")
            .Where(p => search is null || p.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.CreatedAt)
            .ThenBy(p => p.Id)
            .ToList();
        return Reply.Ok(Paging.Envelope(projects, page, pageSize, "projects", p => Views.ProjectSummary(call.State, p)));
    }

    private static Reply Get(Call call)
    {
        if (Find(call) is not ProjectState project)
        {
            return NotFound();
        }

        var json = Views.ProjectSummary(call.State, project);
        var result = new JsonObject { ["success"] = true, ["message"] = "OK" };
        foreach (var pair in json.ToList())
        {
            json.Remove(pair.Key);
            result[pair.Key] = pair.Value;
        }

        return Reply.Ok(result);
    }

    private static Reply Update(Call call)
    {
        var body = call.BodyFields();
        var name = body.String("name", minLength: 1);
        var description = body.String("description");
        if (body.Valid && !body.Has("name") && !body.Has("description"))
        {
            call.Errors.Add("value_error", "Value error, provide at least one of name or description.", "body");
        }

        if (Find(call) is not ProjectState project)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        project.Name = name ?? project.Name;
        project.Description = description ?? project.Description;
        project.UpdatedAt = call.Now;
        return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = "Project updated.", ["project_id"] = project.Id.ToString() });
    }

    private static Reply Delete(Call call)
    {
        var deleteResources = call.Query.Bool("delete_resources") ?? false;
        if (Find(call) is not ProjectState project)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var state = call.State;
        foreach (var (key, link) in state.ProjectLinks.ToList())
        {
            if (link.ProjectId != project.Id)
            {
                continue;
            }

            state.ProjectLinks.Remove(key);
            if (!deleteResources)
            {
                continue;
            }

            switch (key.Type)
            {
                case "job" when state.Jobs.TryGetValue(key.Id, out var job):
                    job.Deleted = true;
                    break;
                case "monitor" when state.Monitors.TryGetValue(key.Id, out var monitor):
                    monitor.Deleted = true;
                    monitor.Enabled = false;
                    break;
                case "dataset":
                    state.Datasets.Remove(key.Id);
                    break;
            }
        }

        state.Projects.Remove(project.Id);
        return Reply.NoContent();
    }

    private static Reply Overview(Call call)
    {
        if (Find(call) is not ProjectState project)
        {
            return NotFound();
        }

        var state = call.State;
        var now = call.Now;
        var jobs = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var monitors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var datasets = 0;
        var groups = 0;
        foreach (var (key, link) in state.ProjectLinks)
        {
            if (link.ProjectId != project.Id)
            {
                continue;
            }

            switch (key.Type)
            {
                case "job" when state.Jobs.TryGetValue(key.Id, out var job) && !job.Deleted:
                    Count(jobs, job.Evaluate(now).Status);
                    break;
                case "monitor" when state.Monitors.TryGetValue(key.Id, out var monitor) && !monitor.Deleted:
                    Count(monitors, monitor.Enabled ? "enabled" : "disabled");
                    break;
                case "dataset":
                    datasets++;
                    break;
                case "monitor_group":
                    groups++;
                    break;
            }
        }

        return Reply.Ok(new JsonObject
        {
            ["project_id"] = project.Id.ToString(),
            ["overview"] = new JsonObject
            {
                ["jobs"] = Counts(jobs),
                ["monitors"] = Counts(monitors),
                ["datasets"] = new JsonObject { ["total"] = datasets },
                ["monitor_groups"] = new JsonObject { ["total"] = groups },
            },
        });
    }

    private static Reply AddResources(Call call)
    {
        var body = call.BodyFields();
        var items = body.List("resources", minItems: 1, required: true);
        var requested = new List<(string Type, Guid Id)>();
        if (items is not null)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = new Fields(items[i], call.Errors, "body", "resources", i);
                if (!item.Valid)
                {
                    continue;
                }

                var type = item.Enum("resource_type", ResourceTypes, required: true);
                var id = item.Uuid("resource_id", required: true);
                if (type is not null && id is Guid resourceId)
                {
                    requested.Add((type, resourceId));
                }
            }
        }

        if (Find(call) is not ProjectState project)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var state = call.State;
        var results = new JsonArray();
        var added = 0;
        var allOk = true;
        foreach (var (type, id) in requested)
        {
            var result = new JsonObject { ["resource_type"] = type, ["resource_id"] = id.ToString() };
            if (!Exists(state, type, id))
            {
                allOk = false;
                result["success"] = false;
                result["message"] = $"No {type.Replace('_', ' ')} with this id was found.";
                result["already_exists"] = false;
            }
            else if (state.ProjectLinks.TryGetValue((type, id), out var link) && link.ProjectId == project.Id)
            {
                result["success"] = true;
                result["message"] = "Resource is already in this project.";
                result["already_exists"] = true;
            }
            else
            {
                state.ProjectLinks[(type, id)] = new ProjectLink(project.Id, call.Now);
                added++;
                result["success"] = true;
                result["message"] = "Resource added to project.";
                result["already_exists"] = false;
            }

            results.Push(result);
        }

        if (added > 0)
        {
            project.UpdatedAt = call.Now;
        }

        var body2 = new JsonObject
        {
            ["success"] = allOk,
            ["message"] = added > 0 ? "Resources added to project." : allOk ? "All resources were already in the project." : "No resources were added.",
            ["results"] = results,
        };
        return Reply.Json(added > 0 ? 201 : 200, body2);
    }

    private static Reply ListResources(Call call)
    {
        var type = call.Query.Enum("resource_type", ResourceTypes);
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize();
        if (Find(call) is not ProjectState project)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var state = call.State;
        var resources = state.ProjectLinks
            .Where(pair => pair.Value.ProjectId == project.Id && (type is null || pair.Key.Type == type))
            .OrderBy(pair => pair.Value.AddedAt)
            .ThenBy(pair => pair.Key.Id)
            .Select(pair => pair.Key)
            .ToList();
        return Reply.Ok(Paging.Envelope(resources, page, pageSize, "resources", key => Resource(state, key.Type, key.Id)));
    }

    private static Reply RemoveResource(Call call)
    {
        var type = call.Route("resource_type");
        if (Array.IndexOf(ResourceTypes, type) < 0)
        {
            return Reply.Validation("enum", "Input should be " + Fields.DescribeChoices(ResourceTypes), "path", "resource_type");
        }

        if (Find(call) is not ProjectState project)
        {
            return NotFound();
        }

        if (call.RouteId("resource_id") is not Guid id || !call.State.ProjectLinks.TryGetValue((type, id), out var link) || link.ProjectId != project.Id)
        {
            return Reply.NotFound("This resource is not in the project.");
        }

        call.State.ProjectLinks.Remove((type, id));
        project.UpdatedAt = call.Now;
        return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = "Resource removed from project." });
    }

    private static bool Exists(EmulatorState state, string type, Guid id) => type switch
    {
        "job" => state.Jobs.TryGetValue(id, out var job) && !job.Deleted,
        "monitor" => state.Monitors.TryGetValue(id, out var monitor) && !monitor.Deleted,
        "dataset" => state.Datasets.ContainsKey(id),
        _ => true,
    };

    private static JsonObject Resource(EmulatorState state, string type, Guid id)
    {
        var now = state.Now;
        string name;
        DateTimeOffset? created = null;
        var metadata = new JsonObject();
        switch (type)
        {
            case "job" when state.Jobs.TryGetValue(id, out var job):
                name = job.Query;
                created = job.CreatedAt;
                metadata["status"] = job.Evaluate(now).Status;
                metadata["mode"] = job.Mode;
                break;
            case "monitor" when state.Monitors.TryGetValue(id, out var monitor):
                name = monitor.Query;
                created = monitor.CreatedAt;
                metadata["enabled"] = monitor.Enabled;
                metadata["schedule"] = monitor.Schedule.Cron.Expression;
                break;
            case "dataset" when state.Datasets.TryGetValue(id, out var dataset):
                name = dataset.Name;
                created = dataset.CreatedAt;
                metadata["latest_status"] = dataset.Status(now);
                metadata["entity_count"] = dataset.EntityIds.Count;
                break;
            default:
                name = type == "monitor_group" ? "Monitor group" : "(deleted)";
                break;
        }

        var result = new JsonObject
        {
            ["resource_type"] = type,
            ["resource_id"] = id.ToString(),
            ["name"] = name,
        };
        if (created is DateTimeOffset at)
        {
            result["created_at"] = Iso.Utc(at);
        }

        result["metadata"] = metadata;
        return result;
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    private static JsonObject Counts(SortedDictionary<string, int> counts)
    {
        var json = new JsonObject();
        foreach (var pair in counts)
        {
            json[pair.Key] = pair.Value;
        }

        return json;
    }
}
