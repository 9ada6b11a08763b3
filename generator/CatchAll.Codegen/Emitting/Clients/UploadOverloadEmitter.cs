using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Emitting;

/// <summary>For a multipart operation with one file field: an overload that takes a file path and streams the file.</summary>
internal sealed partial class Emitter
{
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
}
