using CatchAll.Codegen.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Codegen.Tests;

/// <summary>
/// What the focused specs' generated code does at run time: absent is not null, unknown enum and
/// union values survive a round trip, required members are enforced, extra members are kept.
/// </summary>
public sealed class RoundTripTests
{
    private const string Usings = """
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;

        """;

    // Appended to every probe, after its own usings and namespace.
    private const string JsonHelpers = """

        internal static class Json
        {
            public static string RoundTrip<T>(string json, JsonTypeInfo<T> info) => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info)!, info);

            public static string Fails<T>(string json, JsonTypeInfo<T> info)
            {
                try
                {
                    JsonSerializer.Deserialize(json, info);
                    return "no exception";
                }
                catch (JsonException ex)
                {
                    return "JsonException: " + ex.Message;
                }
            }
        }
        """;

    private const string PatchProbe = Usings + """"
        namespace Probe;

        internal static class Cases
        {
            public static string Absent() =>
                JsonSerializer.Serialize(new Specs.Patch.Models.ItemUpdate { Revision = 1 }, Specs.Patch.PatchApiJson.ItemUpdate);

            public static string ExplicitNull() =>
                JsonSerializer.Serialize(new Specs.Patch.Models.ItemUpdate { Revision = 1, Note = null, Tags = null, Priority = null }, Specs.Patch.PatchApiJson.ItemUpdate);

            public static string Values() =>
                JsonSerializer.Serialize(
                    new Specs.Patch.Models.ItemUpdate { Revision = 1, Name = "n", Note = "x", Tags = new System.Collections.Generic.List<string> { "a" }, Priority = 0, Archived = false },
                    Specs.Patch.PatchApiJson.ItemUpdate);

            public static string ReadBack()
            {
                var update = JsonSerializer.Deserialize("""{"revision":2,"note":null,"priority":5}""", Specs.Patch.PatchApiJson.ItemUpdate)!;
                return $"name:{update.Name.HasValue} note:{update.Note.HasValue}/{update.Note.GetValueOrDefault() ?? "null"} priority:{update.Priority.HasValue}/{update.Priority.GetValueOrDefault()}";
            }

            public static string PutBodyTracksNullToo() =>
                JsonSerializer.Serialize(new Specs.Patch.Models.ItemReplace { Name = "x", Note = null }, Specs.Patch.PatchApiJson.ItemReplace)
                + " " + JsonSerializer.Serialize(new Specs.Patch.Models.ItemReplace { Name = "x" }, Specs.Patch.PatchApiJson.ItemReplace);
        }
        """";

    private const string NullableProbe = Usings + """"
        namespace Probe;

        internal static class Cases
        {
            private const string Minimal = """{"id":"a","count":1,"required_nullable_string":null,"required_nullable_int":null,"required_nullable_owner":null,"required_type_list_owner":null}""";

            public static string MinimalRoundTrip() => Json.RoundTrip(Minimal, Specs.Nullable.NullableApiJson.Thing);

            public static string OptionalNullsRoundTrip() =>
                Json.RoundTrip("""{"id":"a","count":1,"required_nullable_string":"s","required_nullable_int":3,"optional_nullable_string":null,"one_of_null_int":null,"required_nullable_owner":{"name":"o"},"optional_nullable_owner":null,"required_type_list_owner":null,"nullable_list":null,"list_of_nullable":["x",null]}""", Specs.Nullable.NullableApiJson.Thing);

            public static string MissingRequired() => Json.Fails("""{"count":1,"required_nullable_string":null,"required_nullable_int":null,"required_nullable_owner":null,"required_type_list_owner":null}""", Specs.Nullable.NullableApiJson.Thing);

            public static string NullForNonNullable() => Json.Fails("""{"id":null,"count":1,"required_nullable_string":null,"required_nullable_int":null,"required_nullable_owner":null,"required_type_list_owner":null}""", Specs.Nullable.NullableApiJson.Thing);

            public static string MissingRequiredNullable() => Json.Fails("""{"id":"a","count":1,"required_nullable_int":null,"required_nullable_owner":null,"required_type_list_owner":null}""", Specs.Nullable.NullableApiJson.Thing);
        }
        """";

    private const string EnumsProbe = Usings + """"
        using Specs.OpenEnums.Models;

        namespace Probe;

        internal static class Cases
        {
            public static string Unknown()
            {
                var task = JsonSerializer.Deserialize("""{"status":"paused"}""", Specs.OpenEnums.OpenEnumsApiJson.OpenEnumsApiTask)!;
                return $"{task.Status}:{task.Status.IsKnown}:" + JsonSerializer.Serialize(task, Specs.OpenEnums.OpenEnumsApiJson.OpenEnumsApiTask);
            }

            public static string Known()
            {
                var task = JsonSerializer.Deserialize("""{"status":"in_progress","nullable_level":null,"odd":"in-progress"}""", Specs.OpenEnums.OpenEnumsApiJson.OpenEnumsApiTask)!;
                return $"{task.Status == Status.InProgress}:{task.Status.IsKnown}:{task.NullableLevel is null}:{task.Odd == OpenEnumsApiTaskOdd.InProgress}:{task.Odd == OpenEnumsApiTaskOdd.InProgress2}";
            }

            public static string Members() => string.Join(",", System.Linq.Enumerable.Select(OpenEnumsApiTaskOdd.KnownValues, v => v.ToString()));
        }
        """";

    private const string UnionsProbe = Usings + """"
        using Specs.Unions.Models;

        namespace Probe;

        internal static class Cases
        {
            public static string Variants()
            {
                var drawing = JsonSerializer.Deserialize(
                    """{"title":"t","main":{"kind":"circle","radius":2},"others":[{"kind":"square","side":1},{"kind":"hexagon","sides":6}],"pet":{"pet_type":"Dog","good_boy":true},"ref":7,"score":true}""",
                    Specs.Unions.UnionsApiJson.Drawing)!;
                var others = drawing.Others!;
                return $"{drawing.Main.GetType().Name}:{((Circle)drawing.Main).Radius} {others[0].GetType().Name} {others[1].GetType().Name}:{others[1].Kind} {drawing.Pet!.GetType().Name} {drawing.Ref!.Value.IsInteger}:{drawing.Ref.Value.AsInteger}";
            }

            public static string UnknownRoundTrip() =>
                Json.RoundTrip("""{"kind":"hexagon","sides":6,"nested":{"a":[1,2]}}""", Specs.Unions.UnionsApiJson.Shape);

            public static string KnownRoundTrip() =>
                Json.RoundTrip("""{"title":"t","main":{"kind":"square","side":1.5,"label":"l"},"ref":"name"}""", Specs.Unions.UnionsApiJson.Drawing);

            public static string Write() =>
                JsonSerializer.Serialize(new Drawing { Title = "t", Main = new Circle { Radius = 1 }, Ref = 5L }, Specs.Unions.UnionsApiJson.Drawing);

            public static string OpenVariant()
            {
                var pet = (Dog)JsonSerializer.Deserialize("""{"toy":"ball","pet_type":"Dog","good_boy":true}""", Specs.Unions.UnionsApiJson.Pet)!;
                return string.Join(",", pet.AdditionalProperties.Keys) + " " + JsonSerializer.Serialize<Pet>(pet, Specs.Unions.UnionsApiJson.Pet);
            }
        }
        """";

    private const string DictionariesProbe = Usings + """"
        namespace Probe;

        internal static class Cases
        {
            public static string InventoryRoundTrip() =>
                Json.RoundTrip("""{"counts":{"a":1,"b":2},"products":{"a":{"sku":"A"}},"anything_goes":{"x":[1,{"y":null}]},"also_anything":{"z":true},"tags_by_sku":{"a":["t"]},"nullable_values":{"k":null},"nullable_map":null}""", Specs.Dictionaries.DictionariesApiJson.Inventory);

            public static string TypedExtras()
            {
                var labels = JsonSerializer.Deserialize("""{"owner":"o","color":"red","size":"xl"}""", Specs.Dictionaries.DictionariesApiJson.Labels)!;
                return labels.AdditionalProperties["color"] + "," + labels.AdditionalProperties.Count + " " + JsonSerializer.Serialize(labels, Specs.Dictionaries.DictionariesApiJson.Labels);
            }

            // A repeated member keeps its first place and its last value, as a dictionary filled in order does.
            public static string OpenRoundTrip() =>
                Json.RoundTrip("""{"x":[1,{"y":null}],"id":"a","note":null,"z":"s","x":2}""", Specs.Dictionaries.DictionariesApiJson.Tagged);

            public static string OpenMembers()
            {
                var tagged = JsonSerializer.Deserialize("""{"id":"a","x":[1,{"y":null}],"note":"n","z":"s"}""", Specs.Dictionaries.DictionariesApiJson.Tagged)!;
                var extras = tagged.AdditionalProperties;
                var read = $"{extras.Count} {string.Join(",", extras.Keys)} {extras["x"].GetRawText()} {extras.ContainsKey("id")} {ReferenceEquals(extras, tagged.AdditionalProperties)}";
                extras["w"] = JsonDocument.Parse("true").RootElement;
                extras.Remove("x");
                return read + " " + JsonSerializer.Serialize(tagged, Specs.Dictionaries.DictionariesApiJson.Tagged);
            }

            public static string OpenReplaced()
            {
                var tagged = JsonSerializer.Deserialize("""{"id":"a","x":1}""", Specs.Dictionaries.DictionariesApiJson.Tagged)!;
                tagged.AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement> { ["y"] = JsonDocument.Parse("2").RootElement };
                var replaced = JsonSerializer.Serialize(tagged, Specs.Dictionaries.DictionariesApiJson.Tagged);
                tagged.AdditionalProperties = null!;
                return replaced + " " + tagged.AdditionalProperties.Count + " " + JsonSerializer.Serialize(tagged, Specs.Dictionaries.DictionariesApiJson.Tagged);
            }

            public static string OpenWithoutExtras() =>
                JsonSerializer.Deserialize("""{"id":"a"}""", Specs.Dictionaries.DictionariesApiJson.Tagged)!.AdditionalProperties.Count
                + " " + Json.RoundTrip("""{"id":"a"}""", Specs.Dictionaries.DictionariesApiJson.Tagged);

            public static string OpenBroken() => Json.Fails("""{"id":"a","x":[1,}""", Specs.Dictionaries.DictionariesApiJson.Tagged);

            // A one-byte buffer: the converter gets the object across many partial reads of the stream.
            public static string OpenStreamed()
            {
                var options = new JsonSerializerOptions { TypeInfoResolver = Specs.Dictionaries.DictionariesApiJson.Resolver, DefaultBufferSize = 1 };
                var info = (JsonTypeInfo<Specs.Dictionaries.Models.Tagged>)options.GetTypeInfo(typeof(Specs.Dictionaries.Models.Tagged));
                using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes("""{"id":"a","big":{"list":[1,2,3,"four"],"text":"a longer string than any buffer"},"z":null}"""));
                var tagged = JsonSerializer.DeserializeAsync(stream, info).AsTask().GetAwaiter().GetResult()!;
                return tagged.AdditionalProperties["big"].GetProperty("text").GetString() + " " + JsonSerializer.Serialize(tagged, info);
            }
        }
        """";

    private const string FormatsProbe = Usings + """"
        namespace Probe;

        internal static class Cases
        {
            public static string SampleRoundTrip() =>
                Json.RoundTrip("""{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","taken_at":"2024-05-06T07:08:09+02:00","day":"2024-05-06","size":9007199254740993,"count":-3,"ratio":0.5,"mean":1.25,"optional_id":null,"days":["2024-01-01","2024-12-31"]}""", Specs.Formats.FormatsApiJson.Sample);

            public static string Typed()
            {
                var sample = JsonSerializer.Deserialize("""{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","taken_at":"2024-05-06T07:08:09+02:00","size":9007199254740993,"day":"2024-05-06"}""", Specs.Formats.FormatsApiJson.Sample)!;
                return $"{sample.Id:D} {sample.TakenAt.Offset.TotalHours} {sample.Size} {sample.Day:yyyy/MM/dd}";
            }

            public static string BadUuid() => Json.Fails("""{"id":"not-a-guid","taken_at":"2024-05-06T07:08:09+02:00","size":1}""", Specs.Formats.FormatsApiJson.Sample);
        }
        """";

    private const string KeywordsProbe = Usings + """"
        namespace Probe;

        internal static class Cases
        {
            public static string EscapedName() =>
                Json.RoundTrip("""{"class":"c","widget":"w","unit price+tax":1.5}""", Specs.Keywords.KeywordsApiJson.Widget);
        }
        """";

    [Fact]
    public void Patch_body_leaves_out_what_was_never_set()
    {
        Assert.Equal("""{"revision":1}""", Run("Patch", PatchProbe, "Absent"));
    }

    [Fact]
    public void Patch_body_sends_explicit_nulls()
    {
        Assert.Equal("""{"revision":1,"note":null,"tags":null,"priority":null}""", Run("Patch", PatchProbe, "ExplicitNull"));
    }

    [Fact]
    public void Patch_body_sends_set_values_including_falsy_ones()
    {
        Assert.Equal("""{"revision":1,"name":"n","note":"x","tags":["a"],"priority":0,"archived":false}""", Run("Patch", PatchProbe, "Values"));
    }

    [Fact]
    public void Patch_body_read_back_tells_absent_from_null()
    {
        Assert.Equal("name:False note:True/null priority:True/5", Run("Patch", PatchProbe, "ReadBack"));
    }

    [Fact]
    public void Optional_nullable_members_of_other_bodies_also_keep_null_apart_from_absent()
    {
        Assert.Equal("""{"name":"x","note":null} {"name":"x"}""", Run("Patch", PatchProbe, "PutBodyTracksNullToo"));
    }

    [Fact]
    public void Required_nullable_members_round_trip_as_null()
    {
        Assert.Equal(
            """{"id":"a","count":1,"required_nullable_string":null,"required_nullable_int":null,"required_nullable_owner":null,"required_type_list_owner":null}""",
            Run("Nullable", NullableProbe, "MinimalRoundTrip"));
    }

    [Fact]
    public void Optional_members_sent_as_null_come_back_as_null()
    {
        Assert.Equal(
            """{"id":"a","count":1,"required_nullable_string":"s","required_nullable_int":3,"optional_nullable_string":null,"one_of_null_int":null,"required_nullable_owner":{"name":"o"},"optional_nullable_owner":null,"required_type_list_owner":null,"nullable_list":null,"list_of_nullable":["x",null]}""",
            Run("Nullable", NullableProbe, "OptionalNullsRoundTrip"));
    }

    [Theory]
    [InlineData("MissingRequired", "id")]
    [InlineData("NullForNonNullable", "id")]
    [InlineData("MissingRequiredNullable", "required_nullable_string")]
    public void Required_members_are_enforced_when_reading(string probe, string property)
    {
        var result = Run("Nullable", NullableProbe, probe);

        Assert.StartsWith("JsonException: ", result);
        Assert.Contains(property, result);
    }

    [Fact]
    public void An_unknown_enum_value_is_kept_and_written_back()
    {
        Assert.Equal("""paused:False:{"status":"paused"}""", Run("OpenEnums", EnumsProbe, "Unknown"));
    }

    [Fact]
    public void Known_enum_values_compare_equal_to_their_members_and_null_members_read_as_null()
    {
        Assert.Equal("True:True:True:True:False", Run("OpenEnums", EnumsProbe, "Known"));
    }

    [Fact]
    public void Enum_members_keep_every_declared_wire_value_in_order()
    {
        Assert.Equal("in-progress,in_progress,1h,class,Odd,,a b,quote\"d", Run("OpenEnums", EnumsProbe, "Members"));
    }

    [Fact]
    public void Union_values_read_as_their_variants_and_unknown_keys_as_the_unknown_variant()
    {
        Assert.Equal("Circle:2 Square UnknownShape:hexagon Dog True:7", Run("Unions", UnionsProbe, "Variants"));
    }

    [Fact]
    public void An_unknown_union_variant_is_written_back_unchanged()
    {
        Assert.Equal("""{"kind":"hexagon","sides":6,"nested":{"a":[1,2]}}""", Run("Unions", UnionsProbe, "UnknownRoundTrip"));
    }

    [Fact]
    public void Known_union_variants_and_primitive_unions_round_trip()
    {
        Assert.Equal("""{"title":"t","main":{"kind":"square","side":1.5,"label":"l"},"ref":"name"}""", Run("Unions", UnionsProbe, "KnownRoundTrip"));
    }

    [Fact]
    public void A_variant_writes_its_discriminator_first()
    {
        Assert.Equal("""{"title":"t","main":{"kind":"circle","radius":1},"ref":5}""", Run("Unions", UnionsProbe, "Write"));
    }

    [Fact]
    public void Maps_of_every_spelling_round_trip()
    {
        Assert.Equal(
            """{"counts":{"a":1,"b":2},"products":{"a":{"sku":"A"}},"anything_goes":{"x":[1,{"y":null}]},"also_anything":{"z":true},"tags_by_sku":{"a":["t"]},"nullable_values":{"k":null},"nullable_map":null}""",
            Run("Dictionaries", DictionariesProbe, "InventoryRoundTrip"));
    }

    [Fact]
    public void Typed_additional_properties_are_kept_by_name()
    {
        Assert.Equal("""red,2 {"owner":"o","color":"red","size":"xl"}""", Run("Dictionaries", DictionariesProbe, "TypedExtras"));
    }

    [Fact]
    public void An_open_object_writes_back_its_other_members_unread()
    {
        Assert.Equal("""{"id":"a","note":null,"x":2,"z":"s"}""", Run("Dictionaries", DictionariesProbe, "OpenRoundTrip"));
    }

    [Fact]
    public void An_open_object_s_other_members_read_as_one_dictionary_that_edits_write_back()
    {
        Assert.Equal("""2 x,z [1,{"y":null}] False True {"id":"a","note":"n","z":"s","w":true}""", Run("Dictionaries", DictionariesProbe, "OpenMembers"));
    }

    [Fact]
    public void An_open_object_s_replaced_members_are_the_ones_written()
    {
        Assert.Equal("""{"id":"a","y":2} 0 {"id":"a"}""", Run("Dictionaries", DictionariesProbe, "OpenReplaced"));
    }

    [Fact]
    public void An_open_object_without_other_members_has_an_empty_dictionary()
    {
        Assert.Equal("""0 {"id":"a"}""", Run("Dictionaries", DictionariesProbe, "OpenWithoutExtras"));
    }

    [Fact]
    public void A_broken_member_of_an_open_object_is_a_JsonException_at_its_path()
    {
        Assert.StartsWith("JsonException: Could not read Tagged at '$.x': ", Run("Dictionaries", DictionariesProbe, "OpenBroken"));
    }

    [Fact]
    public void An_open_object_reads_from_a_stream_in_small_pieces()
    {
        Assert.Equal(
            """a longer string than any buffer {"id":"a","big":{"list":[1,2,3,"four"],"text":"a longer string than any buffer"},"z":null}""",
            Run("Dictionaries", DictionariesProbe, "OpenStreamed"));
    }

    [Fact]
    public void An_open_variant_keeps_its_discriminator_out_of_its_other_members()
    {
        Assert.Equal("""toy {"pet_type":"Dog","good_boy":true,"toy":"ball"}""", Run("Unions", UnionsProbe, "OpenVariant"));
    }

    [Fact]
    public void Formats_round_trip_exactly()
    {
        Assert.Equal(
            """{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","taken_at":"2024-05-06T07:08:09+02:00","day":"2024-05-06","size":9007199254740993,"count":-3,"ratio":0.5,"mean":1.25,"optional_id":null,"days":["2024-01-01","2024-12-31"]}""",
            Run("Formats", FormatsProbe, "SampleRoundTrip"));
    }

    [Fact]
    public void Formats_read_as_their_dotnet_types()
    {
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e 2 9007199254740993 2024/05/06", Run("Formats", FormatsProbe, "Typed"));
    }

    [Fact]
    public void A_malformed_uuid_is_a_JsonException_naming_the_member()
    {
        var result = Run("Formats", FormatsProbe, "BadUuid");

        Assert.StartsWith("JsonException: ", result);
        Assert.Contains("id", result);
    }

    [Fact]
    public void A_member_name_that_needs_escaping_is_written_as_the_writer_escapes_it()
    {
        Assert.Equal("""{"class":"c","widget":"w","unit price\u002Btax":1.5}""", Run("Keywords", KeywordsProbe, "EscapedName"));
    }

    private static string Run(string scenario, string probe, string method) =>
        EmittedScenario.Call(EmittedScenario.Load(scenario, probe + JsonHelpers), method);
}
