using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

/// <summary>The request URL of an operation (path parameters escaped into the template, query parameters appended) and its header parameters.</summary>
internal sealed partial class Emitter
{
    private void EmitPath(SourceWriter w, OperationModel operation)
    {
        var path = operation.Path;
        var index = 0;
        while (index < path.Length)
        {
            var open = path.IndexOf('{', index);
            if (open < 0)
            {
                w.Line($"request_.AppendPath({Literal(path.Substring(index))});");
                break;
            }

            if (open > index)
            {
                w.Line($"request_.AppendPath({Literal(path.Substring(index, open - index))});");
            }

            var close = path.IndexOf('}', open);
            var wire = path.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParamLocation.Path && p.WireName == wire);
            if (parameter is null)
            {
                w.Line($"request_.AppendPath({Literal("{" + wire + "}")});");
            }
            else
            {
                if (!parameter.Type.IsValueType)
                {
                    w.Line($"if ({parameter.Name} is null) throw new global::System.ArgumentNullException(nameof({parameter.Name}));");
                }

                w.Line($"request_.AppendPathParameter({Format(parameter.Type, parameter.Name)});");
            }

            index = close + 1;
        }
    }

    private void EmitParameter(SourceWriter w, ParameterModel parameter)
    {
        var add = parameter.Location == ParamLocation.Header ? "AddHeader" : "AddQuery";
        if (parameter.Type.Kind == TypeKind.Array && parameter.Location == ParamLocation.Query)
        {
            var element = parameter.Type.Element!;
            w.Line($"if ({parameter.Name} is not null) request_.AddQuery({Literal(parameter.WireName)}, global::System.Linq.Enumerable.Select({parameter.Name}, item => {Format(element.WithNullable(false), "item")}));");
            return;
        }

        w.Line($"request_.{add}({Literal(parameter.WireName)}, {FormatNullable(parameter, parameter.Name)});");
    }

    /// <summary>Wire text of a possibly-null argument: null stays null and is not sent.</summary>
    private string FormatNullable(ParameterModel parameter, string name)
    {
        var type = parameter.Type;
        if (!parameter.Required || type.Nullable)
        {
            return type.IsValueType
                ? $"{name} is {{ }} {name.TrimStart('@')}_ ? {Format(type.WithNullable(false), name.TrimStart('@') + "_")} : null"
                : $"{name} is null ? null : {Format(type.WithNullable(false), name)}";
        }

        return Format(type, name);
    }

    private static string Format(TypeRef type, string name) => type.Kind switch
    {
        TypeKind.String or TypeKind.Binary => name,
        TypeKind.Named or TypeKind.Any or TypeKind.Map or TypeKind.Array => $"{name}.ToString()",
        _ => $"{Runtime}.ParameterFormatter.Format({name})",
    };
}
