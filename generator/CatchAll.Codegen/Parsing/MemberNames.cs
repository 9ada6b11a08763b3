using System.Collections.Generic;
using System.Linq;

namespace CatchAll.Codegen.Parsing;

/// <summary>Member names the generated types declare themselves, and how a spec member that would take one is renamed.</summary>
internal static class MemberNames
{
    /// <summary>Members an object's own properties may not take: the emitted type declares them.</summary>
    public static readonly string[] ObjectReservedMembers = { "AdditionalProperties", "JsonConverter" };

    /// <summary>Members an open enum's values may not take: the emitted struct declares or inherits them.</summary>
    public static readonly string[] EnumReservedMembers = { "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "JsonConverter" };

    /// <summary>The union base's discriminator member; the emitter names it the same way.</summary>
    public static string UnionKindMember(string unionName) => unionName == "Kind" ? "KindValue" : "Kind";

    /// <summary>
    /// The member names with <paramref name="clash"/> (a name C# forbids here, such as the type's own) renamed to
    /// clash + "Value", or clash + "Value2", "Value3"... when another member or a reserved name already has that:
    /// the order of the members decides, so the same spec always gets the same names.
    /// </summary>
    public static List<string> RenameClashingMember(List<string> members, string clash, IEnumerable<string> reserved)
    {
        if (!members.Contains(clash))
        {
            return members;
        }

        var names = new UniqueNameBuilder(members.Where(m => m != clash).Concat(reserved).Append(clash));
        return members.Select(m => m == clash ? names.Reserve(clash + "Value") : m).ToList();
    }
}
