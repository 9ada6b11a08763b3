using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

/// <summary>A resource client (one per tag) and its interface: each operation twice, plain and WithResponse.</summary>
internal sealed partial class Emitter
{
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
        w.Block($$"""
            private readonly {{Runtime}}.CatchAllPipeline? _pipeline;

            /// <summary>Creates the client on a pipeline; usually reached through the root client instead.</summary>
            public {{resource.Name}}Client({{Runtime}}.CatchAllPipeline pipeline)
            {
                _pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));
            }

            """);
        EmitMockingConstructor(w, resource.Name + "Client", "a method that is not overridden throws <see cref=\"global::System.InvalidOperationException\"/>, and so does <see cref=\"Pipeline\"/>");
        w.Close();
        w.Line();
        EmitPipelineProperty(w);
        w.Line();
        w.Block($$"""
            // The waiting helpers read the clock from here; a client made for mocking has none and they use the system's.
            internal {{Runtime}}.CatchAllPipeline? PipelineOrNull => _pipeline;
            """);
        foreach (var operation in resource.Operations)
        {
            w.Line();
            EmitOperation(w, operation);
        }

        w.Close();
        w.Close();
        return w.ToString();
    }
}
