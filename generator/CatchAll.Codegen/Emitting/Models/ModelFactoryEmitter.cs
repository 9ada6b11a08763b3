using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    /// <summary>The model factory's class name: CatchAllClient gives CatchAllModelFactory, MyApi gives MyApiModelFactory.</summary>
    internal static string ModelFactoryName(string clientName) =>
        (clientName.EndsWith("Client", System.StringComparison.Ordinal) && clientName.Length > "Client".Length
            ? clientName.Substring(0, clientName.Length - "Client".Length)
            : clientName) + "ModelFactory";

    /// <summary>
    /// The object models a response can hold: every operation's JSON response, and what those reach through
    /// properties, array and map elements, extra properties and union variants. Request-only models (submit
    /// bodies, patches) are left out: a test builds those with an object initializer and needs no stand-in.
    /// In spec order, so the output does not depend on the walk.
    /// </summary>
    internal List<ObjectDecl> ResponseModels()
    {
        if (_responseModels is not null)
        {
            return _responseModels;
        }

        var reached = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Stack<TypeRef>();
        foreach (var operation in _spec.Resources.SelectMany(r => r.Operations))
        {
            if (operation.ResponseKind == ResponseKind.Json && operation.ResponseType is { } response)
            {
                pending.Push(response);
            }
        }

        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is { } element)
            {
                pending.Push(element);
                continue;
            }

            if (type.Kind != TypeKind.Named || type.Name is null || !_types.TryGetValue(type.Name, out var decl) || !reached.Add(decl.Name))
            {
                continue;
            }

            foreach (var next in decl.References())
            {
                pending.Push(next);
            }
        }

        return _responseModels = _spec.Types.OfType<ObjectDecl>().Where(t => !t.IsPatchRequest && reached.Contains(t.Name)).ToList();
    }

    private List<ObjectDecl>? _responseModels;

    /// <summary>
    /// A static factory with one method per response model, every parameter optional, so a test builds a job status
    /// or a page of results without fighting required members (the Azure SDK's model factories).
    /// </summary>
    private GeneratedFile? EmitModelFactory()
    {
        var name = ModelFactoryName(_spec.ClientName);
        var models = ResponseModels();
        if (models.Count == 0)
        {
            return null;
        }

        var w = Header(_spec.Namespace);
        w.Summary("Builds the models the service returns, for tests and fakes: every argument is optional.");
        w.Doc("remarks", "A required member that is not passed gets a stand-in: an empty string or list, zero, the Unix epoch, the first known value of an enum, or a model built by this factory. An optional member that is not passed stays unset, so it is not written to JSON either.");
        w.Open($"public static partial class {name}");
        for (var i = 0; i < models.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (i > 0)
            {
                w.Line();
            }

            EmitFactoryMethod(w, models[i]);
        }

        w.Close();
        w.Close();
        return new GeneratedFile(FactoryHint(_spec), w.ToString());
    }

    private void EmitFactoryMethod(SourceWriter w, ObjectDecl type)
    {
        var self = ModelName(type.Name);
        var parameters = type.Properties.Select(p => (Property: p, Parameter: Naming.Camel(p.Name))).ToList();
        w.Doc("summary", $"Creates a <see cref=\"{self}\"/>.", raw: true);
        foreach (var (property, parameter) in parameters)
        {
            // Every parameter needs its tag (CS1573 once one has one), even for a member with no description and an empty wire name.
            var text = string.IsNullOrWhiteSpace(property.Description) ? property.JsonName : property.Description;
            w.Doc("param", string.IsNullOrWhiteSpace(text) ? $"Value of {property.Name}." : text, $" name=\"{parameter.TrimStart('@')}\"");
        }

        w.Doc("returns", "The model, with what was passed and stand-ins for required members that were not.");
        var signature = string.Join(", ", parameters.Select(p => $"{TypeName(p.Property.Type, true)} {p.Parameter} = null"));
        w.Open($"public static {self} {type.Name}({signature})");
        var required = parameters.Where(p => p.Property.Required).ToList();
        if (required.Count == 0)
        {
            w.Line($"var model_ = new {self}();");
        }
        else
        {
            w.Line($"var model_ = new {self}");
            w.Line("{");
            w.Indent();
            foreach (var (property, parameter) in required)
            {
                // A required member that may be null takes null as a real value; only the others need a stand-in.
                var value = property.Type.Nullable ? parameter : $"{parameter} ?? {StandIn(property.Type, new HashSet<string> { type.Name })}";
                w.Line($"{property.Name} = {value},");
            }

            w.Unindent();
            w.Line("};");
        }

        foreach (var (property, parameter) in parameters.Where(p => !p.Property.Required))
        {
            w.Line($"if ({parameter} is not null) model_.{property.Name} = {parameter};");
        }

        w.Line("return model_;");
        w.Close();
    }

    /// <summary>A value for a required member nobody passed. <paramref name="building"/> guards against a cycle of required models.</summary>
    private string StandIn(TypeRef type, HashSet<string> building)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Binary:
                return "\"\"";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Single:
            case TypeKind.Double:
                return "0";
            case TypeKind.Boolean:
                return "false";
            case TypeKind.Guid:
                return "global::System.Guid.Empty";
            case TypeKind.DateTimeOffset:
                return "global::System.DateTimeOffset.UnixEpoch";
            case TypeKind.DateOnly:
                return "new global::System.DateOnly(1970, 1, 1)";
            case TypeKind.Any:
                // default(JsonElement) cannot be written; a JSON null can.
                return $"{Json}.JsonDocument.Parse(\"null\").RootElement.Clone()";
            case TypeKind.Array:
            case TypeKind.Map:
                return $"new {ConcreteTypeName(type)}()";
        }

        if (type.Name is null || !_types.TryGetValue(type.Name, out var decl))
        {
            return "default!";
        }

        switch (decl)
        {
            case EnumDecl e when e.Values.Count > 0:
                return $"{ModelName(e.Name)}.{e.Values[0].Member}";
            case ObjectDecl o when ResponseModels().Contains(o) && !building.Contains(o.Name) && RequiredModelsAcyclic(o, new HashSet<string>(building)):
                return $"{ModelFactoryName(_spec.ClientName)}.{o.Name}()";
            case UnionDecl u when u.Variants.FirstOrDefault(v => v.Type.Kind == TypeKind.Named && v.Type.NamedKind == NamedKind.Object) is { } variant:
                return StandIn(variant.Type, building);
            default:
                return "default!";
        }
    }

    /// <summary>Whether building <paramref name="decl"/> with stand-ins ends: no required member leads back into a model being built.</summary>
    private bool RequiredModelsAcyclic(ObjectDecl decl, HashSet<string> building)
    {
        if (!building.Add(decl.Name))
        {
            return false;
        }

        foreach (var property in decl.Properties.Where(p => p.Required && !p.Type.Nullable && p.Type.Kind == TypeKind.Named))
        {
            if (property.Type.Name is { } name && _types.TryGetValue(name, out var next) && next is ObjectDecl or UnionDecl)
            {
                var targets = next is ObjectDecl nextObject
                    ? new[] { nextObject }
                    : ((UnionDecl)next).Variants.Where(v => v.Type.Name is not null && _types.ContainsKey(v.Type.Name!)).Take(1).Select(v => ObjectNamed(v.Type.Name!)).ToArray();
                if (targets.Any(t => !RequiredModelsAcyclic(t, new HashSet<string>(building))))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
