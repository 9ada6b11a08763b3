using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.State;
using CatchAll.Emulator.Webhooks;

namespace CatchAll.Emulator.Endpoints;

internal static class WebhookEndpoints
{
    private static readonly string[] Types = ["generic", "slack", "teams", "custom"];
    private static readonly string[] DeliveryModes = ["full", "per_record"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] ResourceTypes = ["job", "monitor", "monitor_group"];
    private const int MaxWebhooksPerResource = 5;

    public static IEnumerable<Route> Routes()
    {
        yield return new Route("POST", "/catchAll/webhooks", "createWebhook", Create, BodyKind.Json);
        yield return new Route("GET", "/catchAll/webhooks", "listWebhooks", List);
        yield return new Route("GET", "/catchAll/webhooks/{webhook_id}", "getWebhook", Get);
        yield return new Route("PATCH", "/catchAll/webhooks/{webhook_id}", "updateWebhook", Update, BodyKind.Json);
        yield return new Route("DELETE", "/catchAll/webhooks/{webhook_id}", "deleteWebhook", Delete);
        yield return new Route("POST", "/catchAll/webhooks/{webhook_id}/test", "testWebhook", Test, BodyKind.OptionalJson);
        yield return new Route("POST", "/catchAll/webhooks/{webhook_id}/resources", "assignWebhookResource", Assign, BodyKind.Json);
        yield return new Route("GET", "/catchAll/webhooks/{webhook_id}/resources", "listWebhookResources", ListResources);
        yield return new Route("DELETE", "/catchAll/webhooks/{webhook_id}/resources/{resource_type}/{resource_id}", "removeWebhookResource", RemoveResource);
        yield return new Route("GET", "/catchAll/resources/{resource_type}/{resource_id}/webhooks", "listWebhooksForResource", ListForResource);
        yield return new Route("GET", "/catchAll/webhook-history", "getWebhookDeliveryHistory", History);
    }

    private static WebhookState? Find(Call call) =>
        call.RouteId("webhook_id") is Guid id && call.State.Webhooks.TryGetValue(id, out var webhook) ? webhook : null;

    private static Reply NotFound() => Reply.NotFound("Webhook not found.");

    private static Reply Create(Call call)
    {
        var body = call.BodyFields();
        var name = body.String("name", required: true, minLength: 1);
        var url = body.String("url", required: true);
        var type = body.Enum("type", Types);
        var mode = body.Enum("delivery_mode", DeliveryModes) ?? "full";
        var method = body.Enum("method", Methods) ?? "POST";
        var headers = body.StringMap("headers") ?? [];
        var parameters = body.StringMap("params") ?? [];
        var auth = ReadAuth(body);
        var (_, formatter) = body.NullableObject("formatter_config");
        type ??= url is null ? "generic" : DetectType(url);
        if (url is not null)
        {
            CheckUrl(call.Errors, url, type);
        }

        if (type == "custom" && formatter is null)
        {
            call.Errors.Add("value_error", "Value error, formatter_config is required when type is 'custom'.", "body", "formatter_config");
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        if (type == "custom")
        {
            return CustomUnsupported();
        }

        var now = call.Now;
        var webhook = new WebhookState
        {
            Id = call.State.NewId(),
            Name = name!,
            Url = url!,
            Type = type,
            DeliveryMode = mode,
            Method = method,
            Headers = headers,
            Params = parameters,
            Auth = auth,
            FormatterConfig = formatter,
            CreatedAt = now,
            UpdatedAt = now,
        };
        call.State.Webhooks[webhook.Id] = webhook;
        return Reply.Json(201, new JsonObject { ["success"] = true, ["message"] = "Webhook created.", ["webhook"] = Views.Webhook(call.State, webhook) });
    }

    private static Reply List(Call call)
    {
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize(100, 500);
        var search = call.Query.String("search");
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var webhooks = call.State.Webhooks.Values
            .Where(w => search is null || w.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(w => w.CreatedAt)
            .ThenBy(w => w.Id)
            .ToList();
        return Reply.Ok(Paging.Envelope(webhooks, page, pageSize, "webhooks", w => Views.Webhook(call.State, w)));
    }

    private static Reply Get(Call call) => Find(call) is WebhookState webhook
        ? Reply.Ok(new JsonObject { ["success"] = true, ["message"] = "Webhook retrieved.", ["webhook"] = Views.Webhook(call.State, webhook) })
        : NotFound();

    private static Reply Update(Call call)
    {
        var body = call.BodyFields();
        var name = body.String("name", minLength: 1);
        var url = body.String("url");
        var type = body.Enum("type", Types);
        var mode = body.Enum("delivery_mode", DeliveryModes);
        var method = body.Enum("method", Methods);
        var headers = body.StringMap("headers");
        var parameters = body.StringMap("params");
        var auth = body.Has("auth") ? ReadAuth(body) : null;
        var (formatterPresent, formatter) = body.NullableObject("formatter_config");
        var active = body.Bool("is_active");
        if (Find(call) is not WebhookState webhook)
        {
            return NotFound();
        }

        var effectiveType = type ?? (url is not null ? DetectType(url) : webhook.Type);
        if (url is not null || type is not null)
        {
            CheckUrl(call.Errors, url ?? webhook.Url, effectiveType);
        }

        if (effectiveType == "custom" && (formatterPresent ? formatter : webhook.FormatterConfig) is null)
        {
            call.Errors.Add("value_error", "Value error, formatter_config is required when type is 'custom'.", "body", "formatter_config");
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        if (effectiveType == "custom")
        {
            return CustomUnsupported();
        }

        webhook.Name = name ?? webhook.Name;
        webhook.Url = url ?? webhook.Url;
        webhook.Type = effectiveType;
        webhook.DeliveryMode = mode ?? webhook.DeliveryMode;
        webhook.Method = method ?? webhook.Method;
        webhook.Headers = headers ?? webhook.Headers;
        webhook.Params = parameters ?? webhook.Params;
        webhook.Auth = auth ?? webhook.Auth;
        webhook.FormatterConfig = formatterPresent ? formatter : webhook.FormatterConfig;
        webhook.IsActive = active ?? webhook.IsActive;
        webhook.UpdatedAt = call.Now;
        return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = "Webhook updated.", ["webhook"] = Views.Webhook(call.State, webhook) });
    }

    private static Reply Delete(Call call)
    {
        if (Find(call) is not WebhookState webhook)
        {
            return NotFound();
        }

        call.State.Webhooks.Remove(webhook.Id);
        call.State.Mappings.RemoveAll(m => m.WebhookId == webhook.Id);
        return Reply.NoContent();
    }

    private static Reply Test(Call call)
    {
        JsonNode? payload = null;
        if (call.Body is not null)
        {
            var body = call.BodyFields();
            var (present, custom) = body.NullableObject("payload");
            payload = present ? custom : null;
        }

        if (Find(call) is not WebhookState webhook)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        payload ??= new JsonObject
        {
            ["test"] = true,
            ["message"] = "Test delivery from the CatchAll emulator.",
            ["webhook_id"] = webhook.Id.ToString(),
            ["sent_at"] = Iso.Utc(call.Now),
        };
        var target = webhook.Target();
        var dispatcher = call.State.Dispatcher!;
        var aborted = call.Http.RequestAborted;
        return Reply.Later(async () =>
        {
            var outcome = await dispatcher.SendOnceAsync(target, payload, aborted).ConfigureAwait(false);
            var result = new JsonObject
            {
                ["success"] = outcome.Success,
                ["message"] = outcome.Success ? "Test delivery succeeded." : "Test delivery failed: " + outcome.Error,
            };
            if (outcome.StatusCode != 0)
            {
                result["http_status_code"] = outcome.StatusCode;
                result["response_body"] = outcome.ResponseBody?.DeepClone();
            }

            return Reply.Ok(result);
        });
    }

    private static Reply Assign(Call call)
    {
        var body = call.BodyFields();
        var type = body.Enum("resource_type", ResourceTypes, required: true);
        var resourceId = body.Uuid("resource_id", required: true);
        if (Find(call) is not WebhookState webhook)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var state = call.State;
        if (ResourceMissing(state, type!, resourceId!.Value) is Reply missing)
        {
            return missing;
        }

        var existing = state.Mappings.Find(m => m.WebhookId == webhook.Id && m.ResourceType == type && m.ResourceId == resourceId);
        if (existing is not null)
        {
            return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = "Resource was already assigned to this webhook.", ["already_existed"] = true, ["mapping"] = Views.Mapping(existing) });
        }

        if (state.Mappings.Count(m => m.ResourceType == type && m.ResourceId == resourceId) >= MaxWebhooksPerResource)
        {
            return Reply.BadRequest($"A resource can have at most {MaxWebhooksPerResource} webhooks.");
        }

        var mapping = new WebhookMapping { Id = state.NewId(), WebhookId = webhook.Id, ResourceType = type!, ResourceId = resourceId.Value, AssignedAt = call.Now };
        state.Mappings.Add(mapping);
        return Reply.Ok(new JsonObject { ["success"] = true, ["message"] = "Resource assigned to webhook.", ["already_existed"] = false, ["mapping"] = Views.Mapping(mapping) });
    }

    private static Reply ListResources(Call call)
    {
        var type = call.Query.Enum("resource_type", ResourceTypes);
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize(100, 500);
        if (Find(call) is not WebhookState webhook)
        {
            return NotFound();
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var mappings = call.State.Mappings.Where(m => m.WebhookId == webhook.Id && (type is null || m.ResourceType == type)).ToList();
        return Reply.Ok(Paging.Envelope(mappings, page, pageSize, "resources", Views.Mapping));
    }

    private static Reply RemoveResource(Call call)
    {
        if (Array.IndexOf(ResourceTypes, call.Route("resource_type")) < 0)
        {
            return Reply.Validation("enum", "Input should be " + Fields.DescribeChoices(ResourceTypes), "path", "resource_type");
        }

        if (Find(call) is not WebhookState webhook)
        {
            return NotFound();
        }

        var type = call.Route("resource_type");
        var resourceId = call.RouteId("resource_id");
        var removed = call.State.Mappings.RemoveAll(m => m.WebhookId == webhook.Id && m.ResourceType == type && m.ResourceId == resourceId);
        return removed > 0 ? Reply.NoContent() : Reply.NotFound("This resource is not assigned to the webhook.");
    }

    private static Reply ListForResource(Call call)
    {
        var isActive = call.Query.Bool("is_active");
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize(100, 500);
        var type = call.Route("resource_type");
        if (Array.IndexOf(ResourceTypes, type) < 0)
        {
            call.Errors.Add("enum", "Input should be " + Fields.DescribeChoices(ResourceTypes), "path", "resource_type");
        }

        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        if (call.RouteId("resource_id") is not Guid resourceId)
        {
            return Reply.NotFound("Resource not found.");
        }

        var state = call.State;
        if (ResourceMissing(state, type, resourceId) is Reply missing)
        {
            return missing;
        }

        var webhooks = state.Mappings
            .Where(m => m.ResourceType == type && m.ResourceId == resourceId)
            .Select(m => state.Webhooks.TryGetValue(m.WebhookId, out var w) ? w : null)
            .OfType<WebhookState>()
            .Where(w => isActive is null || w.IsActive == isActive)
            .ToList();
        return Reply.Ok(Paging.Envelope(webhooks, page, pageSize, "webhooks", w => Views.Webhook(state, w)));
    }

    private static Reply History(Call call)
    {
        var type = call.Query.Enum("resource_type", ResourceTypes, required: true);
        var resourceId = call.Query.Uuid("resource_id", required: true);
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize(50, 500);
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        var state = call.State;
        if (ResourceMissing(state, type!, resourceId!.Value) is Reply missing)
        {
            return missing;
        }

        var items = state.Deliveries
            .Where(d => d.ResourceType == type && d.ResourceId == resourceId)
            .OrderByDescending(d => d.Timestamp)
            .ThenByDescending(d => d.Id)
            .ToList();
        var result = Paging.Envelope(items, page, pageSize, "items", d => new JsonObject
        {
            ["id"] = d.Id,
            ["webhook_id"] = d.WebhookId.ToString(),
            ["resource_type"] = d.ResourceType,
            ["resource_id"] = d.ResourceId.ToString(),
            ["additional_info"] = d.AdditionalInfo.DeepClone(),
            ["status_code"] = d.StatusCode,
            ["attempt_number"] = d.AttemptNumber,
            ["timestamp"] = Iso.Utc(d.Timestamp),
            ["delivery_status"] = d.Success ? "SUCCESS" : "FAILED",
            ["error_message"] = d.Error,
            ["warning_message"] = d.Warning,
        });
        var envelope = new JsonObject { ["resource_type"] = type, ["resource_id"] = resourceId.Value.ToString() };
        foreach (var pair in result.ToList())
        {
            result.Remove(pair.Key);
            envelope[pair.Key] = pair.Value;
        }

        return Reply.Ok(envelope);
    }

    /// <summary>
    /// The service reshapes a <c>custom</c> webhook's payload by its <c>formatter_config</c>, whose rules are not
    /// documented; rather than send the raw payload and pass it off as formatted, the emulator refuses the webhook.
    /// </summary>
    private static Reply CustomUnsupported() =>
        Reply.BadRequest("The emulator does not apply formatter_config: 'custom' webhooks are not supported. Use 'generic' to receive the raw payload.");

    private static Reply? ResourceMissing(EmulatorState state, string type, Guid id) => type switch
    {
        "job" when !state.Jobs.TryGetValue(id, out var job) || job.Deleted => Reply.NotFound("Job not found."),
        "monitor" when !state.Monitors.TryGetValue(id, out var monitor) || monitor.Deleted => Reply.NotFound("Monitor not found."),
        _ => null,
    };

    private static JsonObject? ReadAuth(Fields body)
    {
        var auth = body.Nested("auth");
        if (auth is null)
        {
            return null;
        }

        var kind = auth.Enum("type", ["bearer", "api_key", "basic"], required: true);
        var result = new JsonObject { ["type"] = kind };
        switch (kind)
        {
            case "bearer":
                result["token"] = auth.String("token", required: true);
                break;
            case "api_key":
                result["header"] = auth.String("header", required: true, minLength: 1);
                result["value"] = auth.String("value", required: true);
                break;
            case "basic":
                result["username"] = auth.String("username", required: true);
                result["password"] = auth.String("password", required: true);
                break;
        }

        return result;
    }

    private static string DetectType(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "generic";
        }

        if (uri.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase))
        {
            return "slack";
        }

        return uri.Host.EndsWith("webhook.office.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".webhook.office365.com", StringComparison.OrdinalIgnoreCase) ? "teams" : "generic";
    }

    /// <summary>
    /// The service insists on HTTPS and host names; the emulator also takes plain http to loopback,
    /// because that is where a test's receiver listens.
    /// </summary>
    private static void CheckUrl(ValidationErrors errors, string url, string type)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("url_parsing", "Input should be a valid URL", "body", "url");
            return;
        }

        var loopback = LoopbackGuard.IsLoopbackUrl(url, out _);
        if (!loopback && uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add("value_error", "Value error, the webhook URL must use HTTPS.", "body", "url");
            return;
        }

        if (loopback)
        {
            return;
        }

        if (type == "slack" && !uri.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("value_error", "Value error, Slack webhook URLs must start with https://hooks.slack.com/.", "body", "url");
        }
        else if (type == "teams" && !(uri.Host.EndsWith(".webhook.office.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".webhook.office365.com", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("value_error", "Value error, Teams webhook URLs must be on webhook.office.com or webhook.office365.com.", "body", "url");
        }
    }
}
