using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Emitting;

/// <summary>One operation as a client method: its documentation, signature, request and response handling.</summary>
internal sealed partial class Emitter
{
    private const string Tasks = "global::System.Threading.Tasks";

    private const string Token = "global::System.Threading.CancellationToken";

    private void EmitOperationDoc(SourceWriter w, OperationModel operation)
    {
        w.Summary(operation.Summary ?? operation.OperationId);
        if (!string.IsNullOrWhiteSpace(operation.Description) && operation.Description != operation.Summary)
        {
            w.Doc("remarks", $"{operation.HttpMethod} {operation.Path}. {operation.Description}");
        }
        else
        {
            w.Doc("remarks", $"{operation.HttpMethod} {operation.Path}");
        }

        foreach (var parameter in Arguments(operation))
        {
            w.Doc("param", parameter.Doc, $" name=\"{parameter.Name.TrimStart('@')}\"");
        }
    }

    private sealed record Argument(string Name, string Type, string? Default, string? Doc);

    /// <summary>The method's parameters: required first, then optional ones with defaults.</summary>
    private List<Argument> Arguments(OperationModel operation)
    {
        var required = new List<Argument>();
        var optional = new List<Argument>();
        foreach (var parameter in operation.Parameters)
        {
            var doc = Append(parameter.Description ?? parameter.WireName, parameter.DefaultJson is null ? null : $"Server default: {parameter.DefaultJson}.");
            if (parameter.Required)
            {
                required.Add(new Argument(parameter.Name, TypeName(parameter.Type, parameter.Type.Nullable), null, doc));
            }
            else
            {
                optional.Add(new Argument(parameter.Name, TypeName(parameter.Type, true), "null", doc));
            }
        }

        if (operation.BodyKind == BodyKind.Json)
        {
            var arg = new Argument("body", TypeName(operation.BodyType!, !operation.BodyRequired || operation.BodyType!.Nullable), operation.BodyRequired ? null : "null", "The request body.");
            (operation.BodyRequired ? required : optional).Add(arg);
        }

        foreach (var field in operation.MultipartFields)
        {
            if (field.Type.Kind == TypeKind.Binary)
            {
                required.Add(new Argument(field.Name, "global::System.IO.Stream", null, field.Description ?? "The content to upload."));
                required.Add(new Argument(Parsing.Naming.FileNameParameter(field.Name), "string", null, "The file name sent with the upload."));
            }
            else if (field.Required)
            {
                required.Add(new Argument(field.Name, TypeName(field.Type, field.Type.Nullable), null, field.Description ?? field.WireName));
            }
            else
            {
                optional.Add(new Argument(field.Name, TypeName(field.Type, true), "null", field.Description ?? field.WireName));
            }
        }

        required.AddRange(optional);
        required.Add(new Argument("options", $"{Api}.RequestOptions?", "null", "Per-call timeout, headers and retry settings."));
        required.Add(new Argument("cancellationToken", Token, "default", "Cancels the call."));
        return required;
    }

    private static string? Append(string? text, string? extra) =>
        extra is null ? text : text is null ? extra : text.TrimEnd() + " " + extra;

    private string ResultType(OperationModel operation) => operation.ResponseKind switch
    {
        ResponseKind.Json => TypeName(operation.ResponseType!, false),
        ResponseKind.Stream => "global::System.IO.Stream",
        _ => string.Empty,
    };

    private string Signature(OperationModel operation, bool withResponse)
    {
        var result = ResultType(operation);
        string returnType;
        if (withResponse)
        {
            returnType = result.Length == 0 ? $"{Tasks}.Task<{Api}.ApiResponse>" : $"{Tasks}.Task<{Api}.ApiResponse<{result}>>";
        }
        else
        {
            returnType = result.Length == 0 ? $"{Tasks}.Task" : $"{Tasks}.Task<{result}>";
        }

        var name = withResponse ? WithResponse(operation.MethodName) : operation.MethodName;
        return $"{returnType} {name}({string.Join(", ", Arguments(operation).Select(a => a.Default is null ? $"{a.Type} {a.Name}" : $"{a.Type} {a.Name} = {a.Default}"))})";
    }

    /// <summary>Deprecated operations stay callable; callers get the compiler's warning, generated callers do not.</summary>
    private static void EmitObsolete(SourceWriter w, OperationModel operation)
    {
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"The API marks this operation deprecated.\")]");
        }
    }

    private static string WithResponse(string methodName) => methodName.Substring(0, methodName.Length - "Async".Length) + "WithResponseAsync";

    private void EmitOperation(SourceWriter w, OperationModel operation)
    {
        var arguments = Arguments(operation);
        var names = string.Join(", ", arguments.Select(a => a.Name));
        w.Line("/// <inheritdoc/>");
        EmitObsolete(w, operation);
        var plain = Signature(operation, withResponse: false);
        // Still async: an argument error of the twin ends up in the returned task, as it always has.
        w.Line(operation.ResponseKind == ResponseKind.None
            ? $"public virtual async {plain} => await {WithResponse(operation.MethodName)}({names}).ConfigureAwait(false);"
            : $"public virtual async {plain} => (await {WithResponse(operation.MethodName)}({names}).ConfigureAwait(false)).Value;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        EmitObsolete(w, operation);
        w.Open("public virtual " + Signature(operation, withResponse: true));
        w.Line($"var request_ = new {Runtime}.ApiRequest(global::System.Net.Http.HttpMethod.{HttpMethodName(operation.HttpMethod)}, {Literal(operation.OperationId)});");
        EmitPath(w, operation);
        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParamLocation.Path))
        {
            EmitParameter(w, parameter);
        }

        if (operation.BodyKind == BodyKind.Json)
        {
            var body = operation.BodyType!;
            var info = TypeInfoExpression(body);
            if (operation.BodyRequired && !body.Nullable)
            {
                // A body of an open enum or primitive union is a struct: `is null` does not compile on it.
                if (!body.IsValueType)
                {
                    w.Line("if (body is null) throw new global::System.ArgumentNullException(nameof(body));");
                }

                w.Line($"request_.SetJsonBody(body, {info});");
            }
            else
            {
                w.Line($"if (body is not null) request_.SetJsonBody(body, {info});");
            }
        }

        foreach (var field in operation.MultipartFields)
        {
            if (field.Type.Kind == TypeKind.Binary)
            {
                w.Line($"if ({field.Name} is null) throw new global::System.ArgumentNullException(nameof({field.Name}));");
                w.Line($"request_.AddMultipartFile({Literal(field.WireName)}, {field.Name}, {Parsing.Naming.FileNameParameter(field.Name)}, {Literal(field.ContentType ?? "application/octet-stream")});");
            }
            else
            {
                w.Line($"request_.AddMultipartField({Literal(field.WireName)}, {FormatNullable(field, field.Name)});");
            }
        }

        switch (operation.ResponseKind)
        {
            case ResponseKind.Json:
                w.Line($"return Pipeline.SendAsync(request_, {TypeInfoExpression(operation.ResponseType!)}, options, cancellationToken);");
                break;
            case ResponseKind.Stream:
                w.Line("return Pipeline.SendForStreamAsync(request_, options, cancellationToken);");
                break;
            default:
                w.Line("return Pipeline.SendAsync(request_, options, cancellationToken);");
                break;
        }

        w.Close();

    }

    private string TypeInfoExpression(TypeRef type) =>
        $"global::{_spec.Namespace}.{_spec.ClientName}Json.TypeInfo<{TypeName(type, false)}>()";

    private static string HttpMethodName(string method) => method switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "DELETE" => "Delete",
        "HEAD" => "Head",
        "OPTIONS" => "Options",
        "TRACE" => "Trace",
        _ => "Patch",
    };
}
