using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// The naming rules, applied to every spec once the whole model is read (documented in the generator's README):
/// <list type="number">
/// <item>Structurally identical inline objects, enums and primitive unions (same members in the same order, same
/// types, same required set, same wire values) become one type: the named schema they copy if there is one, else
/// the one an x-catchall-type-name names, else the words all their names end with (BaseRecordEnrichment,
/// MonitorRecordEnrichment, RecordEnrichment: RecordEnrichment), else the shortest of their names (ordinal order
/// breaks a tie). Two named schemas stay two types, however alike.</item>
/// <item>A schema's trailing Dto/DTO is dropped; when the shorter name is taken, the type keeps the suffix.</item>
/// <item>An inline type is named after its owner (as renamed) and its property, with words shared at the seam written once.</item>
/// <item>A name that a default implicit using already imports (HttpMethod, Index, Range...) is prefixed with its
/// owner: an inline type's owning type, or for a schema the singular of the first resource (tag) whose operations
/// use it (Webhooks: WebhookHttpMethod; the tag's x-catchall-singular when it has one), else (no resource uses it, or the resource is the name itself: a Task
/// schema under a Tasks tag) the client name without "Client".</item>
/// <item>Any name still taken gets 2, 3, ... appended, in the order above (names without a dropped Dto first).</item>
/// </list>
/// Only C# names change; JSON names, wire values, paths and parameter names stay as the spec writes them.
/// </summary>
internal sealed class NamingRules
{
    private readonly DeclaredTypes _types;

    public NamingRules(DeclaredTypes types)
    {
        _types = types;
    }

    public SpecModel Apply(SpecModel model)
    {
        var decls = model.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var canonical = Merge(decls);
        var finals = FinalNames(model, decls, canonical);
        string Rename(string old) => finals[Canonical(canonical, old)];

        TypeRef? RenameRef(TypeRef? type) => type is null
            ? null
            : type with { Name = type.Name is null ? null : Rename(type.Name), Element = RenameRef(type.Element) };

        var unknowns = new UniqueNameBuilder(finals.Values.Concat(ReservedNames(model)), ignoreCase: true);
        var types = new List<TypeDecl>();
        foreach (var decl in decls.Values.Where(d => Canonical(canonical, d.Name) == d.Name))
        {
            var name = Rename(decl.Name);
            types.Add(decl switch
            {
                ObjectDecl o => o with
                {
                    Name = name,
                    BaseUnion = o.BaseUnion is null ? null : Rename(o.BaseUnion),
                    Properties = o.Properties
                        .Zip(MemberNames.RenameClashingMember(o.Properties.Select(p => p.Name).ToList(), name, MemberNames.ObjectReservedMembers), (p, member) => p with { Name = member, Type = RenameRef(p.Type)! })
                        .ToEquatableArray(),
                    AdditionalPropertiesType = RenameRef(o.AdditionalPropertiesType),
                },
                EnumDecl e => e with
                {
                    Name = name,
                    Values = e.Values
                        .Zip(MemberNames.RenameClashingMember(e.Values.Select(v => v.Member).ToList(), name, MemberNames.EnumReservedMembers), (v, member) => v with { Member = member })
                        .ToEquatableArray(),
                },
                UnionDecl u => u with
                {
                    Name = name,
                    UnknownVariant = unknowns.Reserve("Unknown" + name),
                    Variants = u.Variants.Select(v => v with { Type = RenameRef(v.Type)! }).ToEquatableArray(),
                },
                PrimitiveUnionDecl p => p with { Name = name },
                _ => throw new InvalidOperationException("Unknown declaration kind " + decl.GetType().Name),
            });
        }

        ParameterModel RenameParameter(ParameterModel p) => p with { Type = RenameRef(p.Type)! };
        var resources = model.Resources.Select(r => r with
        {
            Operations = r.Operations.Select(o => o with
            {
                Parameters = o.Parameters.Select(RenameParameter).ToEquatableArray(),
                MultipartFields = o.MultipartFields.Select(RenameParameter).ToEquatableArray(),
                BodyType = RenameRef(o.BodyType),
                ResponseType = RenameRef(o.ResponseType),
            }).ToEquatableArray(),
        }).ToEquatableArray();

        var waiters = model.Waiters.Select(w => w with
        {
            IdType = RenameRef(w.IdType)!,
            ResultType = RenameRef(w.ResultType)!,
            PartialResultType = RenameRef(w.PartialResultType),
            Starters = w.Starters.Select(s => s with { RequestType = RenameRef(s.RequestType)!, ResponseType = RenameRef(s.ResponseType)! }).ToEquatableArray(),
        }).ToEquatableArray();

        var pagers = model.Pagers.Select(p => p with { PageType = RenameRef(p.PageType)!, ItemType = RenameRef(p.ItemType)! }).ToEquatableArray();

        return model with
        {
            Types = types.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray(),
            Resources = resources,
            Waiters = waiters,
            Pagers = pagers,
        };
    }

    private static string Canonical(Dictionary<string, string> canonical, string name)
    {
        while (canonical.TryGetValue(name, out var next) && next != name)
        {
            name = next;
        }

        return name;
    }

    /// <summary>Groups identical types until no more merge (merging two enums can make their owners identical).</summary>
    private Dictionary<string, string> Merge(Dictionary<string, TypeDecl> decls)
    {
        var canonical = decls.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
        while (true)
        {
            var groups = decls.Values
                .Where(d => d is not UnionDecl and not ObjectDecl { BaseUnion: not null } && Canonical(canonical, d.Name) == d.Name)
                .GroupBy(d => StructureKey(d, canonical), StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .ToList();
            var changed = false;
            foreach (var group in groups)
            {
                // Named schemas are the spec author's deliberate types: an inline copy joins the first of them,
                // but two named schemas stay two types (a $ref makes them one).
                var keeper = group
                    .OrderBy(d => IsComponent(d.Name) ? 0 : 1)
                    .ThenBy(d => _types.Origins.TryGetValue(d.Name, out var o) && o.IsOverride ? 0 : 1)
                    .ThenBy(d => Naming.DropDto(d.Name).Length)
                    .ThenBy(d => d.Name, StringComparer.Ordinal)
                    .First();
                foreach (var member in group.Where(m => m.Name != keeper.Name && !IsComponent(m.Name)))
                {
                    canonical[member.Name] = keeper.Name;
                    changed = true;
                }
            }

            if (!changed)
            {
                return canonical;
            }
        }
    }

    private bool IsComponent(string name) => _types.Origins.TryGetValue(name, out var origin) && origin.IsComponent;

    private string StructureKey(TypeDecl decl, Dictionary<string, string> canonical)
    {
        string Ref(TypeRef? type) => type is null
            ? "-"
            : $"{type.Kind}{(type.Nullable ? "?" : "")}({(type.Name is null ? "" : Canonical(canonical, type.Name))}{Ref(type.Element)})";

        return decl switch
        {
            EnumDecl e => "enum|" + string.Join("|", e.Values.Select(v => v.Wire)),
            PrimitiveUnionDecl u => "union|" + string.Join("|", u.Variants.Select(v => v.Key)),
            ObjectDecl o => $"object|{o.IsPatchRequest}|{o.IsOpen}|{Ref(o.AdditionalPropertiesType)}|"
                + string.Join("|", o.Properties.Select(p => $"{p.JsonName}:{Ref(p.Type)}:{p.Required}:{p.DefaultJson}")),
            _ => throw new InvalidOperationException("A union is never merged: " + decl.Name),
        };
    }

    private IEnumerable<string> ReservedNames(SpecModel model)
    {
        yield return model.ClientName;
        yield return "I" + model.ClientName;
        yield return model.ClientName + "Json";
        yield return "JsonConverter";
        foreach (var resource in model.Resources)
        {
            yield return resource.Name + "Client";
            yield return "I" + resource.Name + "Client";
            yield return resource.Name + "ClientExtensions";
        }

        foreach (var waiter in model.Waiters)
        {
            yield return waiter.ExceptionName;
        }
    }

    private Dictionary<string, string> FinalNames(SpecModel model, Dictionary<string, TypeDecl> decls, Dictionary<string, string> canonical)
    {
        var firstResource = FirstResources(model, decls, canonical);
        var singulars = model.Resources.ToDictionary(r => r.Name, r => r.Singular, StringComparer.Ordinal);
        var members = decls.Keys.GroupBy(n => Canonical(canonical, n), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var componentNames = new HashSet<string>(_types.Origins.Values.Where(o => o.IsComponent).Select(o => o.IsOverride ? o.Name : Naming.DropDto(o.Name)), StringComparer.Ordinal);
        var desired = new Dictionary<string, (string Name, string? WithDto)>(StringComparer.Ordinal);
        var clientPrefix = model.ClientName.EndsWith("Client", StringComparison.Ordinal) && model.ClientName.Length > 6
            ? model.ClientName.Substring(0, model.ClientName.Length - 6)
            : model.ClientName;

        // The name one type asks for before merging and clash prefixes, and the owner a clash is prefixed with.
        (string Name, string? WithDto, string Prefix) Own(string name, int depth)
        {
            var origin = _types.Origins.TryGetValue(name, out var o) ? o : TypeOrigin.Fixed(name, isOverride: false);
            if (origin.Owner is { } owner && depth < 32)
            {
                var prefix = Desired(owner, depth + 1).Name;
                return (Naming.Join(prefix, origin.Name), null, prefix);
            }

            var wanted = origin.IsOverride ? origin.Name : Naming.DropDto(origin.Name);
            var resource = firstResource.TryGetValue(Canonical(canonical, name), out var r) ? singulars[r] : null;
            return (wanted, wanted == origin.Name ? null : origin.Name, resource is null || resource == wanted ? clientPrefix : resource);
        }

        (string Name, string? WithDto) Desired(string name, int depth)
        {
            name = Canonical(canonical, name);
            if (desired.TryGetValue(name, out var known))
            {
                return known;
            }

            var (wanted, withDto, prefix) = Own(name, depth);
            if (members[name].Count > 1 && !IsComponent(name) && !(_types.Origins.TryGetValue(name, out var o) && o.IsOverride))
            {
                // Merged inline types: the words all their names end with (RecordEnrichment, Mode), unless a named
                // schema already has that name; else the shortest of their names.
                var names = members[name].Select(m => Own(m, depth).Name).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
                var common = CommonWordSuffix(names);
                wanted = common.Length > 0 && !componentNames.Contains(common) ? common : names[0];
                withDto = null;
            }

            if (ImplicitUsingTypeNames.All.Contains(wanted))
            {
                wanted = Naming.Join(prefix, wanted);
                withDto = withDto is null ? null : Naming.Join(prefix, withDto);
            }

            return desired[name] = (wanted, withDto);
        }

        var order = decls.Keys
            .Where(n => Canonical(canonical, n) == n)
            .Select(n => (Old: n, Wanted: Desired(n, 0)))
            .OrderBy(x => x.Wanted.WithDto is null ? 0 : 1)
            .ThenBy(x => x.Wanted.Name, StringComparer.Ordinal)
            .ThenBy(x => x.Old, StringComparer.Ordinal)
            .ToList();

        var names = new UniqueNameBuilder(ReservedNames(model), ignoreCase: true);
        var finals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (old, wanted) in order)
        {
            finals[old] = !names.IsUsed(wanted.Name) || wanted.WithDto is null || names.IsUsed(wanted.WithDto)
                ? names.Reserve(wanted.Name)
                : names.Reserve(wanted.WithDto);
        }

        return finals;
    }

    private static string CommonWordSuffix(List<string> names)
    {
        var words = names.Select(Naming.Words).ToList();
        var count = 0;
        while (words.All(w => w.Count > count) && words.All(w => w[w.Count - 1 - count] == words[0][words[0].Count - 1 - count]))
        {
            count++;
        }

        var first = words[0];
        return string.Concat(first.GetRange(first.Count - count, count));
    }

    /// <summary>For each type, the first resource (in document order) whose operations reach it.</summary>
    private static Dictionary<string, string> FirstResources(SpecModel model, Dictionary<string, TypeDecl> decls, Dictionary<string, string> canonical)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        void Visit(TypeRef? type, string resource)
        {
            if (type is null)
            {
                return;
            }

            Visit(type.Element, resource);
            if (type.Name is null || !decls.TryGetValue(type.Name, out var decl) || first.ContainsKey(Canonical(canonical, type.Name)))
            {
                return;
            }

            first[Canonical(canonical, type.Name)] = resource;
            foreach (var reached in decl.References())
            {
                Visit(reached, resource);
            }
        }

        foreach (var resource in model.Resources)
        {
            foreach (var operation in resource.Operations)
            {
                foreach (var parameter in operation.Parameters.Concat(operation.MultipartFields))
                {
                    Visit(parameter.Type, resource.Name);
                }

                Visit(operation.BodyType, resource.Name);
                Visit(operation.ResponseType, resource.Name);
            }
        }

        return first;
    }
}
