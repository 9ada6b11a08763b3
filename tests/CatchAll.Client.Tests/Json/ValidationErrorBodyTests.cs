using System.Linq;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Xunit;

namespace CatchAll.Client.Tests.Json;

/// <summary>A 422 body lists failed checks whose "loc" mixes names and indexes.</summary>
public sealed class ValidationErrorBodyTests
{
    private const string Body = """{"detail":[{"loc":["body",0,"limit"],"msg":"ensure this value is greater than or equal to 10","type":"value_error.number.not_ge"},{"loc":["query","page"],"msg":"value is not a valid integer","type":"type_error.integer"}]}""";

    [Fact]
    public void Loc_items_are_strings_or_integers_in_order()
    {
        var body = Generated.Read<ValidationErrorResponse>(Body);

        Assert.Equal(2, body.Detail!.Count);
        var loc = body.Detail[0].Loc!;
        Assert.Equal(3, loc.Count);
        Assert.True(loc[0].IsString);
        Assert.Equal("body", loc[0].AsString);
        Assert.True(loc[1].IsInteger);
        Assert.False(loc[1].IsString);
        Assert.Equal(0L, loc[1].AsInteger);
        Assert.Equal("limit", loc[2].AsString);
        Assert.Equal("ensure this value is greater than or equal to 10", body.Detail[0].Msg);
        Assert.Equal("value_error.number.not_ge", body.Detail[0].Type);
        Assert.Equal(new[] { "query", "page" }, body.Detail[1].Loc!.Select(l => l.ToString()));
    }

    [Fact]
    public void Loc_items_write_back_with_their_json_kind()
    {
        var body = Generated.Read<ValidationErrorResponse>(Body);

        var written = Generated.Write(body);

        Assert.Contains("\"loc\":[\"body\",0,\"limit\"]", written, System.StringComparison.Ordinal);
        JsonSemantic.AssertEquivalent(Body, written);
    }

    [Fact]
    public void Loc_items_built_in_code_keep_their_kind()
    {
        var body = new ValidationErrorResponse
        {
            Detail = [new ValidationErrorDetail { Loc = ["body", 2L], Msg = "m" }],
        };

        JsonSemantic.AssertEquivalent("""{"detail":[{"loc":["body",2],"msg":"m"}]}""", Generated.Write(body));
    }

    [Fact]
    public void A_fractional_loc_item_is_rejected()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Generated.Read<ValidationErrorResponse>("""{"detail":[{"loc":["body",1.5]}]}"""));
    }
}
