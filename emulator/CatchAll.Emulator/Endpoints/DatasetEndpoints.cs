using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace CatchAll.Emulator.Endpoints;

internal static class DatasetEndpoints
{
    private static readonly string[] SortFields = ["name", "created_at", "status"];

    public static IEnumerable<Route> Routes()
    {
        yield return new Route("GET", "/catchAll/datasets", "listDatasets", List);
        yield return new Route("POST", "/catchAll/datasets", "createDataset", Create, BodyKind.Json);
        yield return new Route("POST", "/catchAll/datasets/upload", "createDatasetFromCsv", CreateFromCsv, BodyKind.Form);
        yield return new Route("GET", "/catchAll/datasets/{dataset_id}", "getDataset", Get);
        yield return new Route("PATCH", "/catchAll/datasets/{dataset_id}", "updateDataset", Update, BodyKind.Json);
        yield return new Route("DELETE", "/catchAll/datasets/{dataset_id}", "deleteDataset", Delete);
        yield return new Route("POST", "/catchAll/datasets/{dataset_id}/entities", "addEntitiesToDataset", AddEntities, BodyKind.Json);
        yield return new Route("DELETE", "/catchAll/datasets/{dataset_id}/entities", "removeEntitiesFromDataset", RemoveEntities, BodyKind.Json);
        yield return new Route("POST", "/catchAll/datasets/{dataset_id}/entities/list", "listEntitiesInDataset", ListEntities, BodyKind.Json);
        yield return new Route("GET", "/catchAll/datasets/{dataset_id}/status", "getDatasetStatusHistory", History);
        yield return new Route("POST", "/catchAll/datasets/{dataset_id}/upload", "uploadCSVToDataset", UploadCsv, BodyKind.Form);
    }

    private static DatasetState? Find(Call call) =>
        call.RouteId("dataset_id") is Guid id && call.State.Datasets.TryGetValue(id, out var dataset) ? dataset : null;

    private static Reply NotFound() => Reply.NotFound("Dataset not found.");

    private static Reply List(Call call)
    {
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize(100, 500);
        var search = call.Query.String("search");
        var status = call.Query.Enum("latest_status", EntityEndpoints.Statuses);
        var sortBy = call.Query.Enum("sort_by", SortFields, "created_at")!;
        var sortOrder = call.Query.Enum("sort_order", QueryArgs.SortOrders, "desc")!;
        var ownership = call.Query.Enum("ownership", QueryArgs.Ownership, "all");
        var projectId = call.Query.Uuid("project_id");
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var now = call.Now;
        var filtered = call.State.Datasets.Values
            .Where(d => ownership != "shared")
            .Where(d => search is null || d.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(d => status is null || d.Status(now) == status)
            .Where(d => projectId is null || call.State.ProjectOf("dataset", d.Id) == projectId);
        var ordered = sortBy switch
        {
            "name" => sortOrder == "asc" ? filtered.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase) : filtered.OrderByDescending(d => d.Name, StringComparer.OrdinalIgnoreCase),
            "status" => sortOrder == "asc" ? filtered.OrderBy(d => d.Status(now), StringComparer.Ordinal) : filtered.OrderByDescending(d => d.Status(now), StringComparer.Ordinal),
            _ => sortOrder == "asc" ? filtered.OrderBy(d => d.CreatedAt) : filtered.OrderByDescending(d => d.CreatedAt),
        };
        var datasets = ordered.ThenBy(d => d.Id).ToList();
        return Reply.Ok(Paging.Envelope(datasets, page, pageSize, "datasets", d => Views.Dataset(call.State, d), withTotalPages: false));
    }

    private static Reply Create(Call call)
    {
        var body = call.BodyFields();
        var name = body.String("name", required: true, minLength: 1);
        var description = body.String("description");
        var entityIds = body.UuidList("entity_ids") ?? [];
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        foreach (var id in entityIds)
        {
            if (!call.State.Entities.ContainsKey(id))
            {
                return Reply.BadRequest($"Entity {id} was not found in this organization.");
            }
        }

        var dataset = NewDataset(call, name!, description);
        AddToDataset(call, dataset, entityIds);
        return Reply.Ok(Views.Dataset(call.State, dataset));
    }

    private static Reply CreateFromCsv(Call call)
    {
        var form = call.Form!;
        var file = form.Files.GetFile("file");
        var name = form["name"].FirstOrDefault();
        var description = form["description"].FirstOrDefault();
        if (file is null)
        {
            call.Errors.Add("missing", "Field required", "body", "file");
        }

        if (string.IsNullOrEmpty(name))
        {
            call.Errors.Add("missing", "Field required", "body", "name");
        }

        var parsed = file is null ? null : ParseCsv(call, file);
        if (call.Errors.Any || parsed is null)
        {
            return Reply.Validation(call.Errors);
        }

        var dataset = NewDataset(call, name!, description);
        var created = CreateEntities(call, parsed.Value.Rows);
        AddToDataset(call, dataset, created);
        return Reply.Ok(new JsonObject
        {
            ["dataset_id"] = dataset.Id.ToString(),
            ["dataset_name"] = dataset.Name,
            ["entities_created"] = created.Count,
            ["validation_report"] = parsed.Value.Report,
        });
    }

    private static Reply UploadCsv(Call call)
    {
        var file = call.Form!.Files.GetFile("file");
        if (Find(call) is not DatasetState dataset)
        {
            return NotFound();
        }

        if (file is null)
        {
            return Reply.Validation("missing", "Field required", "body", "file");
        }

        var parsed = ParseCsv(call, file);
        if (call.Errors.Any || parsed is null)
        {
            return Reply.Validation(call.Errors);
        }

        var created = CreateEntities(call, parsed.Value.Rows);
        AddToDataset(call, dataset, created);
        return Reply.Ok(new JsonObject
        {
            ["dataset_id"] = dataset.Id.ToString(),
            ["entities_created"] = created.Count,
            ["validation_report"] = parsed.Value.Report,
        });
    }

    private static Reply Get(Call call) => Find(call) is DatasetState dataset ? Reply.Ok(Views.Dataset(call.State, dataset)) : NotFound();

    private static Reply Update(Call call)
    {
        var body = call.BodyFields();
        var name = body.String("name", minLength: 1);
        var description = body.String("description");
        if (Find(call) is not DatasetState dataset)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        dataset.Name = name ?? dataset.Name;
        dataset.Description = description ?? dataset.Description;
        dataset.UpdatedAt = call.Now;
        return Reply.Ok(Views.Dataset(call.State, dataset));
    }

    private static Reply Delete(Call call)
    {
        if (Find(call) is not DatasetState dataset)
        {
            return NotFound();
        }

        call.State.Datasets.Remove(dataset.Id);
        call.State.ProjectLinks.Remove(("dataset", dataset.Id));
        return Reply.NoContent();
    }

    private static Reply AddEntities(Call call) => ChangeEntities(call, add: true);

    private static Reply RemoveEntities(Call call) => ChangeEntities(call, add: false);

    private static Reply ChangeEntities(Call call, bool add)
    {
        var ids = call.BodyFields().UuidList("entity_ids", minItems: 1);
        if (ids is null && !call.Errors.Any)
        {
            call.Errors.Add("missing", "Field required", "body", "entity_ids");
        }

        if (Find(call) is not DatasetState dataset)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        foreach (var id in ids!)
        {
            if (!call.State.Entities.ContainsKey(id))
            {
                return Reply.NotFound($"Entity {id} was not found.");
            }
        }

        int affected;
        if (add)
        {
            affected = AddToDataset(call, dataset, ids);
        }
        else
        {
            affected = 0;
            foreach (var id in ids.Distinct())
            {
                affected += dataset.EntityIds.Remove(id) ? 1 : 0;
            }

            dataset.UpdatedAt = call.Now;
        }

        return Reply.Ok(new JsonObject { ["dataset_id"] = dataset.Id.ToString(), ["affected_count"] = affected });
    }

    private static Reply ListEntities(Call call)
    {
        // The contract requires a body here (an empty object lists everything with the defaults).
        var body = call.BodyFields();
        var page = body.Int("page", min: 1) ?? 1;
        var pageSize = body.Int("page_size", min: 1, max: 500) ?? 100;
        var search = body.String("search");
        var status = body.Enum("status", EntityEndpoints.Statuses);
        var type = body.Enum("entity_type", EntityEndpoints.EntityTypes);
        var sortBy = body.Enum("sort_by", EntityEndpoints.SortFields) ?? "created_at";
        var sortOrder = body.Enum("sort_order", QueryArgs.SortOrders) ?? "desc";

        if (Find(call) is not DatasetState dataset)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var members = dataset.EntityIds.Select(id => call.State.Entities.TryGetValue(id, out var e) ? e : null).OfType<EntityState>();
        var entities = EntityEndpoints.Filter(members, call.Now, search, status, type, sortBy, sortOrder);
        return Reply.Ok(Paging.Envelope(entities, page, pageSize, "entities", e => Views.EntitySummary(call.State, e), withTotalPages: false));
    }

    private static Reply History(Call call)
    {
        if (Find(call) is not DatasetState dataset)
        {
            return NotFound();
        }

        var now = call.Now;
        var history = new JsonArray();
        foreach (var (status, at) in dataset.Plan)
        {
            if (at <= now)
            {
                history.Push(new JsonObject { ["status"] = dataset.Shown(status), ["additional_information"] = null, ["created_at"] = Iso.Naive(at) });
            }
        }

        return Reply.Ok(new JsonObject { ["dataset_id"] = dataset.Id.ToString(), ["history"] = history });
    }

    private static DatasetState NewDataset(Call call, string name, string? description)
    {
        var now = call.Now;
        var dataset = new DatasetState
        {
            Id = call.State.NewId(),
            Name = name,
            Description = description,
            CreatedAt = now,
            UpdatedAt = now,
            FailsInsteadOfReady = call.State.Faults.TakeDatasetFailure(),
        };
        dataset.Plan.Add(("pending", now));
        dataset.Plan.Add(("ready", now + call.State.Options.EntityPendingDuration));
        call.State.Datasets[dataset.Id] = dataset;
        return dataset;
    }

    /// <summary>Adds entities not yet in the dataset and replans its status; returns how many were added.</summary>
    private static int AddToDataset(Call call, DatasetState dataset, IEnumerable<Guid> entityIds)
    {
        var now = call.Now;
        var added = 0;
        var readyAt = now;
        var enrichingAt = now;
        foreach (var id in entityIds)
        {
            if (dataset.EntityIds.Contains(id) || !call.State.Entities.TryGetValue(id, out var entity))
            {
                continue;
            }

            dataset.EntityIds.Add(id);
            added++;
            if (entity.ReadyAt > readyAt)
            {
                readyAt = entity.ReadyAt;
            }

            if (enrichingAt == now || entity.EnrichingAt < enrichingAt)
            {
                enrichingAt = entity.EnrichingAt;
            }
        }

        if (added > 0)
        {
            var created = dataset.CreatedAt;
            var pendingEnd = created + call.State.Options.EntityPendingDuration;
            dataset.Replan(now, enrichingAt > pendingEnd ? pendingEnd : enrichingAt, readyAt > pendingEnd ? readyAt : pendingEnd);
            dataset.UpdatedAt = now;
        }

        return added;
    }

    private static List<Guid> CreateEntities(Call call, List<EntityState> rows)
    {
        var ids = new List<Guid>();
        foreach (var entity in rows)
        {
            call.State.Entities[entity.Id] = entity;
            ids.Add(entity.Id);
        }

        return ids;
    }

    private static (List<EntityState> Rows, JsonObject Report)? ParseCsv(Call call, IFormFile file)
    {
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        var rows = CsvReader.Read(text);
        if (rows.Count == 0)
        {
            call.Errors.Add("value_error", "Value error, the CSV file is empty.", "body", "file");
            return null;
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var nameColumn = header.IndexOf("name");
        var domainColumn = header.IndexOf("domain");
        if (nameColumn < 0 || domainColumn < 0)
        {
            call.Errors.Add("value_error", "Value error, the CSV header must include the columns name and domain.", "body", "file");
            return null;
        }

        var descriptionColumn = header.IndexOf("description");
        var namesColumn = header.IndexOf("alternative_names");
        var personsColumn = header.IndexOf("key_persons");
        var entities = new List<EntityState>();
        var skipped = new JsonArray();
        var total = 0;
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            total++;
            if (fields.Count != header.Count)
            {
                skipped.Push(new JsonObject { ["row"] = line, ["reason"] = $"expected {header.Count} columns but found {fields.Count}" });
                continue;
            }

            var name = fields[nameColumn].Trim();
            if (name.Length == 0)
            {
                skipped.Push(new JsonObject { ["row"] = line, ["reason"] = "missing required field: name" });
                continue;
            }

            var attributes = new JsonObject();
            var domain = fields[domainColumn].Trim();
            if (domain.Length > 0)
            {
                attributes["domain"] = domain;
            }

            if (namesColumn >= 0 && Split(fields[namesColumn]) is { Count: > 0 } names)
            {
                attributes["alternative_names"] = EntityEndpoints.Strings(names);
            }

            if (personsColumn >= 0 && Split(fields[personsColumn]) is { Count: > 0 } persons)
            {
                attributes["key_persons"] = EntityEndpoints.Strings(persons);
            }

            var description = descriptionColumn >= 0 && fields[descriptionColumn].Trim().Length > 0 ? fields[descriptionColumn].Trim() : null;
            entities.Add(EntityEndpoints.New(call.State, call.Now, name, "company", description, attributes));
        }

        var report = new JsonObject
        {
            ["total_rows"] = total,
            ["valid_rows"] = entities.Count,
            ["skipped_count"] = skipped.Count,
            ["skipped_rows"] = skipped,
        };
        return (entities, report);
    }

    private static List<string> Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
