using System.Collections.Generic;
using System.Text.Json;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>The webhook "auth" oneOf is picked by its "type" member, in both the create and the patch body.</summary>
public sealed class WebhookAuthUnionTests
{
    public static TheoryData<string, string> Variants => new()
    {
        { "bearer", """{"type":"bearer","token":"my-secret-token"}""" },
        { "api_key", """{"type":"api_key","header":"x-api-key","value":"sk-abc123"}""" },
        { "basic", """{"type":"basic","username":"user","password":"pass"}""" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Create_body_round_trips_each_auth_variant_as_its_subtype(string kind, string authJson)
    {
        var json = """{"name":"Layoffs Alert","url":"https://hooks.example.com/h","auth":""" + authJson + "}";

        var request = Generated.Read<CreateWebhookRequest>(json);

        AssertVariant(kind, request.Auth);
        JsonSemantic.AssertEquivalent(json, Generated.Write(request));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Patch_body_round_trips_each_auth_variant_as_its_subtype(string kind, string authJson)
    {
        var json = """{"auth":""" + authJson + "}";

        var request = Generated.Read<UpdateWebhookRequest>(json);

        Assert.True(request.Auth.HasValue);
        AssertVariant(kind, request.Auth.Value);
        JsonSemantic.AssertEquivalent(json, Generated.Write(request));
    }

    [Fact]
    public void Variants_built_in_code_write_their_discriminator()
    {
        var create = new CreateWebhookRequest
        {
            Name = "n",
            Url = "https://hooks.example.com/h",
            Auth = new ApiKeyAuth { Header = "x-k", Value = "v" },
        };
        var patch = new UpdateWebhookRequest { Auth = new BasicAuth { Username = "u", Password = "p" } };

        JsonSemantic.AssertEquivalent("""{"name":"n","url":"https://hooks.example.com/h","auth":{"type":"api_key","header":"x-k","value":"v"}}""", Generated.Write(create));
        JsonSemantic.AssertEquivalent("""{"auth":{"type":"basic","username":"u","password":"p"}}""", Generated.Write(patch));
        JsonSemantic.AssertEquivalent("""{"auth":{"type":"bearer","token":"t"}}""", Generated.Write(new UpdateWebhookRequest { Auth = new BearerAuth { Token = "t" } }));
    }

    [Fact]
    public void Discriminator_need_not_come_first()
    {
        var request = Generated.Read<CreateWebhookRequest>("""{"auth":{"token":"t","type":"bearer"},"name":"n","url":"https://hooks.example.com/h"}""");

        var bearer = Assert.IsType<BearerAuth>(request.Auth);
        Assert.Equal("t", bearer.Token);
    }

    [Fact]
    public void Unknown_auth_type_keeps_its_raw_json_in_both_bodies()
    {
        const string auth = """{"type":"oauth2","client_id":"c","scopes":["a","b"],"nested":{"n":1}}""";
        var createJson = """{"name":"n","url":"https://hooks.example.com/h","auth":""" + auth + "}";
        var patchJson = """{"auth":""" + auth + "}";

        var create = Generated.Read<CreateWebhookRequest>(createJson);
        var patch = Generated.Read<UpdateWebhookRequest>(patchJson);

        var unknown = Assert.IsType<UnknownWebhookAuth>(create.Auth);
        Assert.Equal("oauth2", unknown.Kind);
        JsonSemantic.AssertEquivalent(auth, unknown.Raw.GetRawText());
        Assert.IsType<UnknownWebhookAuth>(patch.Auth.Value);
        JsonSemantic.AssertEquivalent(createJson, Generated.Write(create));
        JsonSemantic.AssertEquivalent(patchJson, Generated.Write(patch));
    }

    [Fact]
    public void Auth_without_a_type_is_kept_as_unknown_rather_than_guessed()
    {
        const string auth = """{"token":"t"}""";

        var create = Generated.Read<CreateWebhookRequest>("""{"name":"n","url":"https://hooks.example.com/h","auth":""" + auth + "}");

        var unknown = Assert.IsType<UnknownWebhookAuth>(create.Auth);
        JsonSemantic.AssertEquivalent(auth, unknown.Raw.GetRawText());
    }

    [Fact]
    public void Variant_missing_a_required_member_is_rejected_naming_it()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => Generated.Read<CreateWebhookRequest>("""{"name":"n","url":"https://hooks.example.com/h","auth":{"type":"basic","username":"u"}}"""));

        Assert.Contains("password", ex.Message, System.StringComparison.Ordinal);
    }

    private static void AssertVariant(string kind, WebhookAuth? auth)
    {
        Assert.NotNull(auth);
        Assert.Equal(kind, auth!.Kind);
        switch (kind)
        {
            case "bearer":
                Assert.Equal("my-secret-token", Assert.IsType<BearerAuth>(auth).Token);
                break;
            case "api_key":
                var key = Assert.IsType<ApiKeyAuth>(auth);
                Assert.Equal("x-api-key", key.Header);
                Assert.Equal("sk-abc123", key.Value);
                break;
            case "basic":
                var basic = Assert.IsType<BasicAuth>(auth);
                Assert.Equal("user", basic.Username);
                Assert.Equal("pass", basic.Password);
                break;
            default:
                Assert.Fail("unexpected kind " + kind);
                break;
        }
    }
}
