using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using CatchAll.Serialization;
using Xunit;

namespace CatchAll.Runtime.Tests;

/// <summary>
/// A map key or member name in an error's path: dotted only when it is an identifier, bracketed and escaped otherwise, so
/// <see cref="JsonException.Path"/> stays machine-readable whatever keys a server sends.
/// </summary>
public class JsonMapKeyPathTests
{
    [Theory]
    [InlineData("b", "$.b")]
    [InlineData("_key_2", "$._key_2")]
    [InlineData("a.b", "$['a.b']")]
    [InlineData("", "$['']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("a b", "$['a b']")]
    [InlineData("back\\slash", "$['back\\\\slash']")]
    [InlineData("2nd", "$['2nd']")]
    [InlineData("a[0]", "$['a[0]']")]
    [InlineData("naïve", "$['naïve']")]
    public void A_bad_value_is_reported_at_its_key_bracketed_unless_the_key_is_an_identifier(string key, string path)
    {
        var json = "{\"ok\": 1, " + JsonSerializer.Serialize(key) + ": \"x\"}";
        var ex = Assert.ThrowsAny<JsonException>(() => ReadMap(json));
        Assert.Equal(path, ex.Path);
        Assert.StartsWith("Could not read the value at '" + path + "': ", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotted_key_is_one_segment_of_a_nested_path()
    {
        var inner = Assert.ThrowsAny<JsonException>(() => ReadMap("{\"a.b\": \"x\"}"));
        var outer = Json.At(inner, "meta", "Model", 0);
        Assert.Equal("$.meta['a.b']", outer.Path);
    }

    [Theory]
    [InlineData("record_id", "$.record_id")]
    [InlineData("x-rate.limit", "$['x-rate.limit']")]
    [InlineData("it's", "$['it\\'s']")]
    public void A_member_name_is_written_the_same_way_in_read_missing_and_null_errors(string member, string path)
    {
        Assert.Equal(path, Json.Missing(member, "Model").Path);
        Assert.Equal(path, Json.Null(member, "Model").Path);
        var inner = new JsonException("bad value");
        Assert.Equal(path, Json.At(inner, member, "Model", 0).Path);
    }

    private static Dictionary<string, int>? ReadMap(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Json.ReadMap(ref reader, JsonItems.Int32, new JsonSerializerOptions());
    }
}
