using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class FreeFormExtensionsTests
{
    private static IDictionary<string, JsonElement> Fields(string json)
    {
        var result = new Dictionary<string, JsonElement>();
        foreach (var property in JsonDocument.Parse(json).RootElement.Clone().EnumerateObject())
        {
            result[property.Name] = property.Value;
        }

        return result;
    }

    [Fact]
    public void Strings_numbers_and_booleans_read_as_their_kind_and_across_kinds()
    {
        var fields = Fields("""{"amount":"43000000","round":"Series B","lead":null,"count":12,"public":"true","ok":false}""");

        Assert.Equal("Series B", fields.GetString("round"));
        Assert.Equal("12", fields.GetString("count"));
        Assert.Equal(43000000d, fields.GetNumber("amount"));
        Assert.Equal(12d, fields.GetNumber("count"));
        Assert.Null(fields.GetNumber("round"));
        Assert.True(fields.GetBoolean("public"));
        Assert.False(fields.GetBoolean("ok"));
        Assert.Null(fields.GetString("lead"));
        Assert.Null(fields.GetString("missing"));
    }

    [Fact]
    public void A_date_without_an_offset_is_utc()
    {
        var fields = Fields("""{"announced":"2026-03-04T10:00:00","closed":"2026-03-05T10:00:00+02:00","bad":"soon"}""");

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero), fields.GetDateTimeOffset("announced"));
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), fields.GetDateTimeOffset("closed")!.Value.ToUniversalTime());
        Assert.Null(fields.GetDateTimeOffset("bad"));
    }

    [Fact]
    public void Get_reads_through_the_given_metadata_and_reports_a_shape_mismatch()
    {
        var fields = Fields("""{"rounds":[1,2,3],"name":"x"}""");
        var info = (JsonTypeInfo<int[]>)new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }.GetTypeInfo(typeof(int[]));

        Assert.Equal(new[] { 1, 2, 3 }, fields.Get("rounds", info));
        Assert.Null(fields.Get("absent", info));
        Assert.Throws<JsonException>(() => fields.Get("name", info));
    }
}
