using System;
using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Parsing;

/// <summary>
/// The opt-in subset (<c>Resources="Jobs;Monitors"</c>): keeps the named resource clients, the types their
/// operations reach and the helpers whose operations all stay. A pure function of the model, so the parse
/// step stays equatable and the emitter needs no notion of a subset.
/// </summary>
internal static class ResourceSubset
{
    /// <summary>
    /// Splits a Resources value (separated by <c>;</c> or <c>,</c>); blank means every resource.
    /// </summary>
    public static IReadOnlyList<string> ParseList(string? value) =>
        (value ?? string.Empty)
            .Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToList();

    /// <summary>
    /// Applies the subset. Names match a tag by its resource name, ignoring case (<c>jobs</c> selects <c>JobsClient</c>).
    /// <paramref name="unknown"/> gets the requested names that no resource has; they select nothing.
    /// </summary>
    public static SpecModel Apply(SpecModel model, IReadOnlyList<string> requested, out IReadOnlyList<string> unknown)
    {
        var missing = new List<string>();
        if (requested.Count == 0)
        {
            unknown = missing;
            return model;
        }

        var byName = model.Resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in requested)
        {
            if (byName.TryGetValue(Naming.Pascal(name), out var resource) || byName.TryGetValue(name, out resource))
            {
                keep.Add(resource.Name);
            }
            else if (!missing.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                missing.Add(name);
            }
        }

        unknown = missing;
        var resources = model.Resources.Where(r => keep.Contains(r.Name)).ToList();
        var methods = new HashSet<(string Resource, string Method)>(resources.SelectMany(r => r.Operations.Select(o => (r.Name, o.MethodName))));

        // A helper stays only when every operation it calls stays: a wait without its status call cannot poll.
        var waiters = model.Waiters.Where(w =>
            methods.Contains((w.Resource, w.StatusOperationMethod))
            && w.Starters.All(s => methods.Contains((w.Resource, s.OperationMethod)))
            && (w.PartialMethod is null || methods.Contains((w.Resource, w.PartialMethod)))).ToList();
        var pagers = model.Pagers.Where(p => methods.Contains((p.Resource, p.OperationMethod))).ToList();

        var types = model.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        void Visit(TypeRef? type)
        {
            for (var t = type; t is not null; t = t.Element)
            {
                if (t.Kind == TypeKind.Named && t.Name is { } name && types.ContainsKey(name) && reached.Add(name))
                {
                    pending.Push(name);
                }
            }
        }

        foreach (var operation in resources.SelectMany(r => r.Operations))
        {
            foreach (var parameter in operation.Parameters.Concat(operation.MultipartFields))
            {
                Visit(parameter.Type);
            }

            Visit(operation.BodyType);
            Visit(operation.ResponseType);
        }

        foreach (var waiter in waiters)
        {
            Visit(waiter.IdType);
            Visit(waiter.ResultType);
            Visit(waiter.PartialResultType);
            foreach (var starter in waiter.Starters)
            {
                Visit(starter.RequestType);
                Visit(starter.ResponseType);
            }
        }

        foreach (var pager in pagers)
        {
            Visit(pager.PageType);
            Visit(pager.ItemType);
        }

        // allOf is already merged into properties by the parser; unions reach their variants and a variant its union.
        while (pending.Count > 0)
        {
            var decl = types[pending.Pop()];
            foreach (var type in decl.References())
            {
                Visit(type);
            }

            if (decl is ObjectDecl { BaseUnion: { } union })
            {
                Visit(new TypeRef(TypeKind.Named, false, union, NamedKind.Union));
            }
        }

        return model with
        {
            Types = model.Types.Where(t => reached.Contains(t.Name)).ToEquatableArray(),
            Resources = resources.ToEquatableArray(),
            Waiters = waiters.ToEquatableArray(),
            Pagers = pagers.ToEquatableArray(),
        };
    }
}
