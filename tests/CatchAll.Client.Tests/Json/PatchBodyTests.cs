using System;
using System.Collections.Generic;
using System.Text.Json;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>PATCH bodies send only what the caller set; for nullable members "absent" and "null" are different requests.</summary>
public sealed class PatchBodyTests
{
    [Fact]
    public void Empty_patch_bodies_are_empty_objects()
    {
        Assert.Equal("{}", Generated.Write(new UpdateMonitorRequest()));
        Assert.Equal("{}", Generated.Write(new UpdateWebhookRequest()));
        Assert.Equal("{}", Generated.Write(new UpdateEntityRequest()));
        Assert.Equal("{}", Generated.Write(new UpdateDatasetRequest()));
        Assert.Equal("{}", Generated.Write(new UpdateProjectRequest()));
    }

    [Fact]
    public void Only_set_members_are_written()
    {
        Assert.Equal("""{"limit":20}""", Generated.Write(new UpdateMonitorRequest { Limit = 20 }));
        Assert.Equal("""{"is_active":false}""", Generated.Write(new UpdateWebhookRequest { IsActive = false }));
        Assert.Equal("""{"description":"Updated"}""", Generated.Write(new UpdateEntityRequest { Description = "Updated" }));
        Assert.Equal("""{"name":"My Portfolio (updated)"}""", Generated.Write(new UpdateDatasetRequest { Name = "My Portfolio (updated)" }));
        Assert.Equal("""{"description":"d"}""", Generated.Write(new UpdateProjectRequest { Description = "d" }));
        Assert.Equal(
            """{"additional_attributes":{"company_attributes":{"alternative_names":["NC"]}}}""",
            Generated.Write(new UpdateEntityRequest { AdditionalAttributes = new AdditionalAttributes { CompanyAttributes = new CompanyAttributes { AlternativeNames = ["NC"] } } }));
    }

    [Fact]
    public void Formatter_config_absent_null_and_object_are_three_different_bodies()
    {
        var absent = new UpdateWebhookRequest { Name = "n" };
        var cleared = new UpdateWebhookRequest { Name = "n", FormatterConfig = null };
        var set = new UpdateWebhookRequest
        {
            Name = "n",
            FormatterConfig = new Dictionary<string, JsonElement> { ["template"] = JsonDocument.Parse("\"{{title}}\"").RootElement },
        };

        Assert.Equal("""{"name":"n"}""", Generated.Write(absent));
        Assert.Equal("""{"name":"n","formatter_config":null}""", Generated.Write(cleared));
        Assert.Equal("""{"name":"n","formatter_config":{"template":"{{title}}"}}""", Generated.Write(set));
    }

    [Fact]
    public void Formatter_config_absent_and_null_read_back_differently()
    {
        var absent = Generated.Read<UpdateWebhookRequest>("""{"name":"n"}""");
        var cleared = Generated.Read<UpdateWebhookRequest>("""{"formatter_config":null}""");

        Assert.False(absent.FormatterConfig.HasValue);
        Assert.True(absent.Name.HasValue);
        Assert.True(cleared.FormatterConfig.HasValue);
        Assert.Null(cleared.FormatterConfig.Value);
        Assert.False(cleared.Name.HasValue);
        Assert.Equal("""{"formatter_config":null}""", Generated.Write(cleared));
    }

    [Fact]
    public void Empty_webhook_list_is_sent_to_unlink_all_while_absent_keeps_them()
    {
        // The spec gives [] a meaning of its own ("removes every link"); it must not collapse into "absent".
        Assert.Equal("""{"webhook_ids":[]}""", Generated.Write(new UpdateMonitorRequest { WebhookIds = new List<Guid>() }));
        Assert.Equal("{}", Generated.Write(new UpdateMonitorRequest { WebhookIds = Optional<IList<Guid>>.Absent }));
    }

    [Fact]
    public void Patch_members_read_from_json_are_present_and_others_absent()
    {
        var patch = Generated.Read<UpdateMonitorRequest>("""{"webhook_ids":["A1B2C3D4-E5F6-7890-ABCD-EF1234567890"]}""");

        Assert.True(patch.WebhookIds.HasValue);
        Assert.False(patch.Limit.HasValue);
        Assert.Equal(Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890"), Assert.Single(patch.WebhookIds.Value));
        Assert.Equal("""{"webhook_ids":["a1b2c3d4-e5f6-7890-abcd-ef1234567890"]}""", Generated.Write(patch));
    }
}
