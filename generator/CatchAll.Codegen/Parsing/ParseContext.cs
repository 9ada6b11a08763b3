using System;
using System.Collections.Generic;
using System.Threading;
using CatchAll.Codegen.Model;
using Microsoft.OpenApi;

namespace CatchAll.Codegen.Parsing;

/// <summary>What the readers of one spec share: its input, its diagnostics, the types declared so far and the operations read.</summary>
internal sealed class ParseContext
{
    public ParseContext(SpecInput input, CancellationToken cancellationToken)
    {
        Input = input;
        CancellationToken = cancellationToken;
        Diagnostics = new SpecDiagnostics(input.Path, input.Text);
    }

    public SpecInput Input { get; }

    public CancellationToken CancellationToken { get; }

    public SpecDiagnostics Diagnostics { get; }

    public DeclaredTypes Types { get; } = new();

    /// <summary>Every operation read, by operationId: what waiters and pagers are built on.</summary>
    public Dictionary<string, ReadOperation> Operations { get; } = new(StringComparer.Ordinal);
}

/// <summary>An operation as read, with the resource it belongs to, its OpenAPI source (for extensions) and where it is.</summary>
internal sealed record ReadOperation(string Resource, OperationModel Operation, OpenApiOperation Source, string Pointer);
