using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.State;

namespace CatchAll.Emulator.Endpoints;

internal static class EntityEndpoints
{
    public static readonly string[] Statuses = ["pending", "enriching", "ready", "failed"];
    public static readonly string[] EntityTypes = ["company", "person"];
    public static readonly string[] SortFields = ["created_at", "name", "status"];

    public static IEnumerable<Route> Routes()
    {
        yield return new Route("GET", "/catchAll/entities", "listEntities", List);
        yield return new Route("POST", "/catchAll/entities", "createEntity", Create, BodyKind.Json);
        yield return new Route("POST", "/catchAll/entities/batch", "createEntitiesBatch", CreateBatch, BodyKind.Json);
        yield return new Route("GET", "/catchAll/entities/{entity_id}", "getEntity", Get);
        yield return new Route("PATCH", "/catchAll/entities/{entity_id}", "updateEntity", Update, BodyKind.Json);
        yield return new Route("DELETE", "/catchAll/entities/{entity_id}", "deleteEntity", Delete);
    }

    private static EntityState? Find(Call call) =>
        call.RouteId("entity_id") is Guid id && call.State.Entities.TryGetValue(id, out var entity) ? entity : null;

    private static Reply NotFound() => Reply.NotFound("Entity not found.");

    private static Reply List(Call call)
    {
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize(100, 500);
        var search = call.Query.String("search");
        var status = call.Query.Enum("status", Statuses);
        var type = call.Query.Enum("entity_type", EntityTypes);
        var sortBy = call.Query.Enum("sort_by", SortFields, "created_at")!;
        var sortOrder = call.Query.Enum("sort_order", QueryArgs.SortOrders, "desc")!;
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var now = call.Now;
        var entities = Filter(call.State.Entities.Values, now, search, status, type, sortBy, sortOrder);
        return Reply.Ok(Paging.Envelope(entities, page, pageSize, "entities", e => Views.Entity(call.State, e), withTotalPages: false));
    }

    public static List<EntityState> Filter(IEnumerable<EntityState> source, DateTimeOffset now, string? search, string? status, string? type, string sortBy, string sortOrder)
    {
        var filtered = source
            .Where(e => search is null || e.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(e => status is null || e.Status(now) == status)
            .Where(e => type is null || e.EntityType == type);
        var ordered = sortBy switch
        {
            "name" => sortOrder == "asc" ? filtered.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase) : filtered.OrderByDescending(e => e.Name, StringComparer.OrdinalIgnoreCase),
            "status" => sortOrder == "asc" ? filtered.OrderBy(e => e.Status(now), StringComparer.Ordinal) : filtered.OrderByDescending(e => e.Status(now), StringComparer.Ordinal),
            _ => sortOrder == "asc" ? filtered.OrderBy(e => e.CreatedAt) : filtered.OrderByDescending(e => e.CreatedAt),
        };
        return ordered.ThenBy(e => e.Id).ToList();
    }

    private static Reply Create(Call call)
    {
        var entity = Read(call, call.BodyFields(), creating: true);
        if (call.Errors.Any || entity is null)
        {
            return Reply.EntityError(call.Errors);
        }

        call.State.Entities[entity.Id] = entity;
        return Reply.Ok(new JsonObject { ["id"] = entity.Id.ToString(), ["status"] = entity.Status(call.Now) });
    }

    private static Reply CreateBatch(Call call)
    {
        var body = call.BodyFields();
        var items = body.List("entities", minItems: 1, required: true);
        var created = new List<EntityState>();
        if (items is not null)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var fields = new Fields(items[i], call.Errors, "body", "entities", i);
                if (fields.Valid && Read(call, fields, creating: true) is EntityState entity)
                {
                    created.Add(entity);
                }
            }
        }

        if (call.Errors.Any)
        {
            return Reply.EntityError(call.Errors);
        }

        var stubs = new JsonArray();
        foreach (var entity in created)
        {
            call.State.Entities[entity.Id] = entity;
            stubs.Push(new JsonObject { ["id"] = entity.Id.ToString(), ["status"] = entity.Status(call.Now) });
        }

        return Reply.Ok(new JsonObject { ["entities"] = stubs, ["count"] = created.Count });
    }

    private static Reply Get(Call call) => Find(call) is EntityState entity ? Reply.Ok(Views.Entity(call.State, entity)) : NotFound();

    private static Reply Update(Call call)
    {
        var body = call.BodyFields();
        var name = body.String("name", minLength: 1);
        var description = body.String("description");
        var attributes = ReadAttributes(body);
        if (Find(call) is not EntityState entity)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.EntityError(call.Errors);
        }

        entity.Name = name ?? entity.Name;
        entity.Description = description ?? entity.Description;
        if (attributes.Present)
        {
            entity.CompanyAttributes = attributes.Value;
        }

        entity.UpdatedAt = call.Now;
        return Reply.Ok(Views.Entity(call.State, entity));
    }

    private static Reply Delete(Call call)
    {
        if (Find(call) is not EntityState entity)
        {
            return NotFound();
        }

        call.State.Entities.Remove(entity.Id);
        foreach (var dataset in call.State.Datasets.Values)
        {
            dataset.EntityIds.Remove(entity.Id);
        }

        return Reply.NoContent();
    }

    /// <summary>Builds a new entity from a create body, or null (errors recorded) when invalid.</summary>
    public static EntityState? Read(Call call, Fields body, bool creating)
    {
        var name = body.String("name", required: creating, minLength: 1);
        var type = body.Enum("entity_type", EntityTypes) ?? "company";
        var description = body.String("description");
        var attributes = ReadAttributes(body);
        if (name is null)
        {
            return null;
        }

        return New(call.State, call.Now, name, type, description, attributes.Value);
    }

    public static EntityState New(EmulatorState state, DateTimeOffset now, string name, string type, string? description, JsonObject? attributes)
    {
        var enrichingAt = now + state.Options.EntityPendingDuration;
        return new EntityState
        {
            Id = state.NewId(),
            EntityType = type,
            Name = name,
            Description = description,
            CompanyAttributes = attributes,
            CreatedAt = now,
            UpdatedAt = now,
            EnrichingAt = enrichingAt,
            ReadyAt = enrichingAt + state.Options.EntityEnrichingDuration,
        };
    }

    private static (bool Present, JsonObject? Value) ReadAttributes(Fields body)
    {
        var additional = body.Nested("additional_attributes");
        var company = additional?.Nested("company_attributes");
        if (company is null)
        {
            return (false, null);
        }

        var result = new JsonObject();
        if (company.String("domain") is string domain)
        {
            result["domain"] = domain;
        }

        if (company.String("description") is string description)
        {
            result["description"] = description;
        }

        if (company.StringList("key_persons") is List<string> persons)
        {
            result["key_persons"] = Strings(persons);
        }

        if (company.StringList("alternative_names") is List<string> names)
        {
            result["alternative_names"] = Strings(names);
        }

        return (true, result);
    }

    public static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Push(value);
        }

        return array;
    }
}
