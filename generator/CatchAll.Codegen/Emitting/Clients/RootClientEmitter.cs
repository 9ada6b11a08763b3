using System.Collections.Generic;

namespace CatchAll.Codegen.Emitting;

/// <summary>The root client (one property per resource) and its interface, and what every client shares: the mocking constructor and the Pipeline property.</summary>
internal sealed partial class Emitter
{
    private IEnumerable<GeneratedFile> EmitClients()
    {
        yield return new GeneratedFile(RootHint(_spec), EmitRootClient());
        foreach (var resource in _spec.Resources)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            yield return new GeneratedFile(ResourceHint(_spec, resource), EmitResourceClient(resource));
        }

        foreach (var file in EmitFailureExceptions())
        {
            yield return file;
        }

        foreach (var file in EmitClientExtensions())
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
        w.Block($$"""
            private readonly {{Runtime}}.CatchAllPipeline? _pipeline;

            /// <summary>The server the spec names, used when the options give no BaseAddress.</summary>
            public const string DefaultBaseAddress = {{Literal(_spec.DefaultServer)}};

            /// <summary>The contract version this client was generated from.</summary>
            public const string ContractVersion = {{Literal(_spec.Version)}};

            /// <summary>Creates a client that owns its HttpClient.</summary>
            public {{name}}({{Api}}.CatchAllClientOptions options)
                : this(new {{Runtime}}.CatchAllPipeline(options ?? throw new global::System.ArgumentNullException(nameof(options)), new global::System.Uri(DefaultBaseAddress)))
            {
            }

            /// <summary>Creates a client on a caller-owned HttpClient (from IHttpClientFactory, say); it is not disposed with the client.</summary>
            public {{name}}(global::System.Net.Http.HttpClient httpClient, {{Api}}.CatchAllClientOptions? options = null)
                : this(new {{Runtime}}.CatchAllPipeline(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), options ?? new {{Api}}.CatchAllClientOptions(), new global::System.Uri(DefaultBaseAddress)))
            {
            }

            /// <summary>Creates a client on a configured pipeline.</summary>
            """);
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

        w.Block("""
            /// <inheritdoc/>
            public void Dispose()
            {
                Dispose(true);
                global::System.GC.SuppressFinalize(this);
            }

            /// <summary>Disposes the pipeline (and the HttpClient, when the client created it).</summary>
            /// <param name="disposing">False when called from a finalizer.</param>
            protected virtual void Dispose(bool disposing)
            {
                if (disposing) _pipeline?.Dispose();
            }
            """);
        w.Close();
        w.Close();
        EmitServiceCollectionExtensions(w);
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
}
