using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    private const string Tasks = "global::System.Threading.Tasks";
    private const string Token = "global::System.Threading.CancellationToken";

    private IEnumerable<GeneratedFile> EmitClients()
    {
        yield return new GeneratedFile($"{_spec.Namespace}.{_spec.ClientName}.g.cs", EmitRootClient());
        foreach (var resource in _spec.Resources)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            yield return new GeneratedFile($"{_spec.Namespace}.{resource.Name}Client.g.cs", EmitResourceClient(resource));
        }

        foreach (var file in EmitHelpers())
        {
            yield return file;
        }
    }

    private string EmitRootClient()
    {
        var name = _spec.ClientName;
        var w = Header(_spec.Namespace);
        w.Doc("summary", $"The resources of <see cref=\"{name}\"/>: what code that uses the client depends on, so tests can stand in for it.", raw: true);
        w.Open($"public partial interface I{name}");
        for (var i = 0; i < _spec.Resources.Count; i++)
        {
            var resource = _spec.Resources[i];
            if (i > 0)
            {
                w.Line();
            }

            w.Summary(resource.Description ?? resource.Name + " operations.");
            w.Line($"I{resource.Name}Client {resource.Name} {{ get; }}");
        }

        w.Close();
        w.Line();
        w.Summary($"Client for the {_spec.Title} (contract version {_spec.Version}); one property per resource.");
        w.Doc("remarks", "Not sealed, with <see langword=\"virtual\"/> resource properties, so a test can subclass it and override what it needs.", raw: true);
        w.Open($"public partial class {name} : I{name}, global::System.IDisposable");
        w.Line($"private readonly {Runtime}.CatchAllPipeline? _pipeline;");
        w.Line();
        w.Summary("The server the spec names, used when the options give no BaseAddress.");
        w.Line($"public const string DefaultBaseAddress = {Literal(_spec.DefaultServer)};");
        w.Line();
        w.Summary("The contract version this client was generated from.");
        w.Line($"public const string ContractVersion = {Literal(_spec.Version)};");
        w.Line();
        w.Summary("Creates a client that owns its HttpClient.");
        w.Line($"public {name}({Api}.CatchAllClientOptions options)");
        w.Line($"    : this(new {Runtime}.CatchAllPipeline(options ?? throw new global::System.ArgumentNullException(nameof(options)), new global::System.Uri(DefaultBaseAddress)))");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary("Creates a client on a caller-owned HttpClient (from IHttpClientFactory, say); it is not disposed with the client.");
        w.Line($"public {name}(global::System.Net.Http.HttpClient httpClient, {Api}.CatchAllClientOptions? options = null)");
        w.Line($"    : this(new {Runtime}.CatchAllPipeline(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), options ?? new {Api}.CatchAllClientOptions(), new global::System.Uri(DefaultBaseAddress)))");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary("Creates a client on a configured pipeline.");
        w.Open($"public {name}({Runtime}.CatchAllPipeline pipeline)");
        w.Line("_pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));");
        foreach (var resource in _spec.Resources)
        {
            w.Line($"{resource.Name} = new {resource.Name}Client(pipeline);");
        }

        w.Close();
        w.Line();
        EmitMockingConstructor(w, name, $"its resource properties are null until overridden, and <see cref=\"Pipeline\"/> throws");
        foreach (var resource in _spec.Resources)
        {
            w.Line($"{resource.Name} = null!;");
        }

        w.Close();
        w.Line();
        EmitPipelineProperty(w);
        w.Line();
        foreach (var resource in _spec.Resources)
        {
            w.Summary(resource.Description ?? resource.Name + " operations.");
            w.Line($"public virtual I{resource.Name}Client {resource.Name} {{ get; }}");
            w.Line();
        }

        w.Line("/// <inheritdoc/>");
        w.Open("public void Dispose()");
        w.Line("Dispose(true);");
        w.Line("global::System.GC.SuppressFinalize(this);");
        w.Close();
        w.Line();
        w.Summary("Disposes the pipeline (and the HttpClient, when the client created it).");
        w.Doc("param", "False when called from a finalizer.", " name=\"disposing\"");
        w.Open("protected virtual void Dispose(bool disposing)");
        w.Line("if (disposing) _pipeline?.Dispose();");
        w.Close();
        w.Close();
        w.Close();

        // Registration for IHttpClientFactory; the generic plumbing lives in the runtime.
        const string Di = "global::Microsoft.Extensions.DependencyInjection";
        w.Line();
        w.Open("namespace " + _spec.Namespace);
        w.Doc("summary", $"Registers <see cref=\"{name}\"/> with dependency injection.", raw: true);
        w.Open($"public static partial class {name}ServiceCollectionExtensions");
        var self = $"global::{_spec.Namespace}.{name}";
        var overloads = new[]
        {
            (Options: "with options from code", Parameter: $"global::System.Action<{Api}.CatchAllClientOptions>? configure = null", Argument: "configure"),
            (Options: "with options bound from a configuration section (ApiKey, BaseAddress, Timeout, Retry)", Parameter: "global::Microsoft.Extensions.Configuration.IConfiguration configuration", Argument: "configuration"),
        };
        foreach (var overload in overloads)
        {
            w.Summary($"Adds {name} as a typed HttpClient, {overload.Options}, and I{name} and each resource interface resolved from it; chain AddStandardResilienceHandler() with its retry off (the client retries safe methods itself).");
            w.Open($"public static {Di}.IHttpClientBuilder Add{name}(this {Di}.IServiceCollection services, {overload.Parameter})");
            w.Line($"var builder = {Di}.CatchAllServiceCollectionExtensions.AddCatchAllClient<{self}>(services, static (httpClient, options) => new {self}(httpClient, options), {overload.Argument});");
            w.Line("AddInterfaces(services);");
            w.Line("return builder;");
            w.Close();
            w.Line();
        }

        // TryAdd: a test that registered its own fake of an interface first keeps it.
        w.Open($"private static void AddInterfaces({Di}.IServiceCollection services)");
        w.Line($"{Di}.Extensions.ServiceCollectionDescriptorExtensions.TryAddTransient<global::{_spec.Namespace}.I{name}>(services, static provider => {Di}.ServiceProviderServiceExtensions.GetRequiredService<{self}>(provider));");
        foreach (var resource in _spec.Resources)
        {
            w.Line($"{Di}.Extensions.ServiceCollectionDescriptorExtensions.TryAddTransient<global::{_spec.Namespace}.I{resource.Name}Client>(services, static provider => {Di}.ServiceProviderServiceExtensions.GetRequiredService<{self}>(provider).{resource.Name});");
        }

        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    private string EmitResourceClient(ResourceModel resource)
    {
        var w = Header(_spec.Namespace);
        w.Summary((resource.Description ?? resource.Name + " operations.") + "\nAn interface, so tests can stand in for it.");
        w.Open($"public partial interface I{resource.Name}Client");
        foreach (var operation in resource.Operations)
        {
            EmitOperationDoc(w, operation);
            EmitObsolete(w, operation);
            w.Line(Signature(operation, withResponse: false) + ";");
            w.Line();
            // The twin's documentation is its plain method's, plus what it returns.
            w.Line($"/// <inheritdoc cref=\"{operation.MethodName}\"/>");
            w.Doc("returns", "The result with the HTTP status and headers.");
            EmitObsolete(w, operation);
            w.Line(Signature(operation, withResponse: true) + ";");
            w.Line();
        }

        w.Close();
        w.Line();
        w.Summary(resource.Description ?? resource.Name + " operations.");
        w.Doc("remarks", "Not sealed, with <see langword=\"virtual\"/> methods, so a test can subclass it and override the one call it needs.", raw: true);
        w.Open($"public partial class {resource.Name}Client : I{resource.Name}Client");
        w.Line($"private readonly {Runtime}.CatchAllPipeline? _pipeline;");
        w.Line();
        w.Summary("Creates the client on a pipeline; usually reached through the root client instead.");
        w.Open($"public {resource.Name}Client({Runtime}.CatchAllPipeline pipeline)");
        w.Line("_pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));");
        w.Close();
        w.Line();
        EmitMockingConstructor(w, resource.Name + "Client", "a method that is not overridden throws <see cref=\"global::System.InvalidOperationException\"/>, and so does <see cref=\"Pipeline\"/>");
        w.Close();
        w.Line();
        EmitPipelineProperty(w);
        w.Line();
        w.Line("// The waiting helpers read the clock from here; a client made for mocking has none and they use the system's.");
        w.Line($"internal {Runtime}.CatchAllPipeline? PipelineOrNull => _pipeline;");
        foreach (var operation in resource.Operations)
        {
            w.Line();
            EmitOperation(w, operation);
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The Azure SDK's mocking constructor: a subclass (or Moq, NSubstitute) builds the client without a pipeline.</summary>
    private static void EmitMockingConstructor(SourceWriter w, string type, string consequence)
    {
        w.Summary("For mocking: a subclass (or a mocking library) creates the client without a pipeline.");
        w.Doc("remarks", $"Such a client sends nothing: {consequence}.", raw: true);
        w.Open($"protected {type}()");
    }

    private static void EmitPipelineProperty(SourceWriter w)
    {
        w.Summary("The HTTP pipeline this client sends through: base address, auth, retries, logging.");
        w.Doc("exception", "The client was created for mocking and has no pipeline.", " cref=\"global::System.InvalidOperationException\"");
        w.Line($"public {Runtime}.CatchAllPipeline Pipeline => _pipeline ?? throw new global::System.InvalidOperationException(\"This client was created for mocking (protected constructor) and has no pipeline; override the members the test calls.\");");
    }

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

    /// <summary>The one binary multipart field of an upload operation, if it has exactly one.</summary>
    private static ParameterModel? UploadFile(OperationModel operation)
    {
        var files = operation.MultipartFields.Where(f => f.Type.Kind == TypeKind.Binary).ToList();
        return files.Count == 1 ? files[0] : null;
    }

    /// <summary>
    /// An upload from disk, as an extension on the interface so test doubles get it too; the
    /// path takes the place of the stream and its file name, the other arguments keep their order.
    /// </summary>
    private void EmitFilePathOverload(SourceWriter w, ResourceModel resource, OperationModel operation, ParameterModel file)
    {
        var arguments = Arguments(operation);
        var rest = arguments.Where(a => a.Name != Parsing.Naming.FileNameParameter(file.Name)).ToList();
        var result = ResultType(operation);
        var returnType = result.Length == 0 ? $"{Tasks}.Task" : $"{Tasks}.Task<{result}>";
        w.Line();
        w.Summary((operation.Summary ?? operation.OperationId) + ", uploading a file from disk.");
        w.Doc("param", "The client.", " name=\"client\"");
        foreach (var argument in rest)
        {
            w.Doc("param", argument.Name == file.Name ? "Path of the file to upload; its name is sent as the file name." : argument.Doc, $" name=\"{(argument.Name == file.Name ? "filePath" : argument.Name.TrimStart('@'))}\"");
        }

        EmitObsolete(w, operation);
        var parameters = new[] { $"this I{resource.Name}Client client" }
            .Concat(rest.Select(a => a.Name == file.Name ? "string filePath" : a.Default is null ? $"{a.Type} {a.Name}" : $"{a.Type} {a.Name} = {a.Default}"));
        w.Open($"public static async {returnType} {operation.MethodName}({string.Join(", ", parameters)})");
        w.Line("if (client is null) throw new global::System.ArgumentNullException(nameof(client));");
        w.Line("if (filePath is null) throw new global::System.ArgumentNullException(nameof(filePath));");
        w.Line("// Asynchronous file IO so a large upload does not block a thread-pool thread.");
        w.Line("using var stream_ = new global::System.IO.FileStream(filePath, global::System.IO.FileMode.Open, global::System.IO.FileAccess.Read, global::System.IO.FileShare.Read, 81920, useAsync: true);");
        var call = string.Join(", ", arguments.Select(a => a.Name == file.Name ? "stream_" : a.Name == Parsing.Naming.FileNameParameter(file.Name) ? "global::System.IO.Path.GetFileName(filePath)" : a.Name));
        w.Line(result.Length == 0
            ? $"await client.{operation.MethodName}({call}).ConfigureAwait(false);"
            : $"return await client.{operation.MethodName}({call}).ConfigureAwait(false);");
        w.Close();
    }

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
