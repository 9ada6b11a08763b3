using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using CatchAll.Serialization;
using Xunit;

namespace CatchAll.Runtime.Tests;

/// <summary>The shared read and write helpers generated converters call: what the inline code they replaced did.</summary>
public class JsonHelpersTests
{
    private static readonly JsonSerializerOptions Options = new();

    [Fact]
    public void A_null_list_item_is_reported_at_its_index_with_the_item_kind()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => ReadList("[\"a\", null]", JsonItems.String));
        Assert.Equal("$[1]", ex.Path);
        Assert.Equal("Could not read the value at '$[1]': null is not allowed here: a String is expected.", ex.Message);
    }

    [Fact]
    public void A_bad_map_value_is_reported_at_its_key_with_the_reader_offset()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => ReadMap("{\"a\": 1, \"b\": \"x\"}", JsonItems.Int32));
        Assert.Equal("$.b", ex.Path);
        Assert.Equal(14L, ex.Data["CatchAll.JsonByteOffset"]);
    }

    [Fact]
    public void Errors_nest_their_paths_through_a_member()
    {
        var inner = Assert.ThrowsAny<JsonException>(() => ReadList("[1, true]", JsonItems.Int32));
        var outer = Json.At(inner, "counts", "Model", 0);
        Assert.Equal("$.counts[1]", outer.Path);
        Assert.StartsWith("Could not read Model at '$.counts[1]': ", outer.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Could not read the value", outer.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Open_values_keep_null_items_and_other_lists_round_trip()
    {
        var elements = ReadList("[null, {\"k\": 1}]", JsonItems.Element)!;
        Assert.Equal(JsonValueKind.Null, elements[0].ValueKind);
        Assert.Equal("[null,{\"k\":1}]", Write(w => Json.WriteList(w, elements, JsonItems.Element, Options)));
        Assert.Equal("{\"a\":\"x\"}", Write(w => Json.WriteMap(w, new Dictionary<string, string> { ["a"] = "x" }, JsonItems.String, Options)));
        Assert.Equal("[\"x\",null]", Write(w => Json.WriteStringList(w, new List<string> { "x", null! })));
    }

    [Fact]
    public void Null_reads_as_null_and_the_wrong_container_is_an_error()
    {
        Assert.Null(ReadList("null", JsonItems.String));
        Assert.Null(ReadMap("null", JsonItems.String));
        var reader = Reader("null");
        Assert.Null(Json.ReadString(ref reader));
        Assert.Equal("A JSON array is expected.", Assert.Throws<JsonException>(() => ReadList("{}", JsonItems.String)).Message);
        Assert.Equal("A JSON object is expected.", Assert.Throws<JsonException>(() => ReadMap("[]", JsonItems.String)).Message);
    }

    private static Utf8JsonReader Reader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private static List<T>? ReadList<T>(string json, System.Text.Json.Serialization.JsonConverter<T> item)
    {
        var reader = Reader(json);
        return Json.ReadList(ref reader, item, Options);
    }

    private static Dictionary<string, T>? ReadMap<T>(string json, System.Text.Json.Serialization.JsonConverter<T> item)
    {
        var reader = Reader(json);
        return Json.ReadMap(ref reader, item, Options);
    }

    private static string Write(System.Action<Utf8JsonWriter> write)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
