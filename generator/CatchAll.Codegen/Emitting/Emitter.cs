using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

/// <summary>A generated file: its hint name and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>
/// Turns a <see cref="SpecModel"/> into C# files. Pure: the same model gives the same bytes,
/// which is what the baseline tests and incremental caching rely on.
/// </summary>
internal sealed partial class Emitter
{
    internal const string Runtime = "global::CatchAll.Runtime";

    // The runtime's user-facing types (options, exceptions, responses, paging, Optional) live in namespace CatchAll.
    internal const string Api = "global::CatchAll";
    internal const string Json = "global::System.Text.Json";
    internal const string Generic = "global::System.Collections.Generic";

    private readonly SpecModel _spec;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, TypeDecl> _types = new();

    private Emitter(SpecModel spec, CancellationToken cancellationToken)
    {
        _spec = spec;
        _cancellationToken = cancellationToken;
        foreach (var type in spec.Types)
        {
            _types[type.Name] = type;
        }
    }

    private string ModelsNamespace => _spec.Namespace + ".Models";

    /// <param name="spec">The parsed contract.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="webhookAccessors">The project references CatchAll.AspNetCore: add typed accessors for its events.</param>
    public static IReadOnlyList<GeneratedFile> Emit(SpecModel spec, CancellationToken cancellationToken, bool webhookAccessors = false)
    {
        var emitter = new Emitter(spec, cancellationToken);
        var types = spec.Types.AsImmutableArray();
        var texts = new string[types.Length];

        // Each model file depends only on the model, so they are written side by side and kept in spec order:
        // most of the emitting time, and the compiler is not using the other cores while generators run.
        try
        {
            Parallel.For(0, types.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => texts[i] = emitter.EmitType(types[i]));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        var files = new List<GeneratedFile>(types.Length + 32);
        for (var i = 0; i < types.Length; i++)
        {
            files.Add(new GeneratedFile(ModelHint(spec, types[i]), texts[i]));
        }

        files.Add(new GeneratedFile(JsonHint(spec), emitter.EmitJson()));
        files.AddRange(emitter.EmitClients());
        if (emitter.EmitModelFactory() is { } factory)
        {
            files.Add(factory);
        }

        if (webhookAccessors && emitter.EmitWebhookEvents() is { } webhooks)
        {
            files.Add(new GeneratedFile(WebhooksHint(spec), webhooks));
        }

        return files;
    }

    /// <summary>
    /// The hint names <see cref="Emit"/> gives this spec's files, in the same order, without writing any: what the
    /// generator checks against other specs' before it emits, so a spec it skips is known before either pipeline runs.
    /// </summary>
    public static IReadOnlyList<string> HintNames(SpecModel spec, bool webhookAccessors = false)
    {
        var emitter = new Emitter(spec, CancellationToken.None);
        var names = spec.Types.Select(t => ModelHint(spec, t)).ToList();
        names.Add(JsonHint(spec));
        names.Add(RootHint(spec));
        names.AddRange(spec.Resources.Select(r => ResourceHint(spec, r)));
        names.AddRange(spec.Waiters.Select(w => ExceptionHint(spec, w)));
        names.AddRange(spec.Resources.Where(emitter.HasClientExtensions).Select(r => ExtensionsHint(spec, r)));
        if (emitter.ResponseModels().Count > 0)
        {
            names.Add(FactoryHint(spec));
        }

        if (webhookAccessors && emitter.HasWebhookEvents())
        {
            names.Add(WebhooksHint(spec));
        }

        return names;
    }

    // Each output's hint name, written once: Emit's files and HintNames' prediction both call these, so the two
    // can only disagree about which files exist (EmissionPlanTests checks that), never about what they are called.
    internal static string ModelHint(SpecModel spec, TypeDecl type) => $"{spec.Namespace}.Models.{type.Name}.g.cs";

    internal static string JsonHint(SpecModel spec) => $"{spec.Namespace}.{spec.ClientName}Json.g.cs";

    internal static string RootHint(SpecModel spec) => $"{spec.Namespace}.{spec.ClientName}.g.cs";

    internal static string ResourceHint(SpecModel spec, ResourceModel resource) => $"{spec.Namespace}.{resource.Name}Client.g.cs";

    internal static string ExceptionHint(SpecModel spec, WaiterModel waiter) => $"{spec.Namespace}.{waiter.ExceptionName}.g.cs";

    internal static string ExtensionsHint(SpecModel spec, ResourceModel resource) => $"{spec.Namespace}.{resource.Name}ClientExtensions.g.cs";

    internal static string FactoryHint(SpecModel spec) => $"{spec.Namespace}.{ModelFactoryName(spec.ClientName)}.g.cs";

    internal static string WebhooksHint(SpecModel spec) => $"{spec.Namespace}.{spec.ClientName}WebhookEvents.g.cs";

    private string EmitType(TypeDecl type)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        return type switch
        {
            ObjectDecl o => EmitObject(o),
            EnumDecl e => EmitEnum(e),
            UnionDecl u => EmitUnion(u),
            PrimitiveUnionDecl p => EmitPrimitiveUnion(p),
            _ => throw new System.InvalidOperationException("Unknown declaration kind " + type.GetType().Name),
        };
    }

    /// <summary>The object model a <see cref="NamedKind.Object"/> reference names; the parser declared it as one.</summary>
    private ObjectDecl ObjectNamed(string name) => (ObjectDecl)_types[name];

    /// <summary>The C# spelling of a type use; nullable annotations included.</summary>
    private string TypeName(TypeRef type, bool nullable)
    {
        var name = type.Kind switch
        {
            TypeKind.String or TypeKind.Binary => "string",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Single => "float",
            TypeKind.Double => "double",
            TypeKind.Boolean => "bool",
            TypeKind.Guid => "global::System.Guid",
            TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
            TypeKind.DateOnly => "global::System.DateOnly",
            TypeKind.Any => Json + ".JsonElement",
            TypeKind.Array => $"{Generic}.IList<{TypeName(type.Element!, type.Element!.Nullable)}>",
            TypeKind.Map => $"{Generic}.IDictionary<string, {TypeName(type.Element!, type.Element!.Nullable)}>",
            _ => $"global::{ModelsNamespace}.{type.Name}",
        };
        return nullable ? name + "?" : name;
    }

    /// <summary>The concrete collection a reader fills for an interface-typed use.</summary>
    private string ConcreteTypeName(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => $"{Generic}.List<{TypeName(type.Element!, type.Element!.Nullable)}>",
        TypeKind.Map => $"{Generic}.Dictionary<string, {TypeName(type.Element!, type.Element!.Nullable)}>",
        _ => TypeName(type, false),
    };

    private string ModelName(string name) => $"global::{ModelsNamespace}.{name}";

    private static SourceWriter Header(string? @namespace)
    {
        var writer = new SourceWriter();
        writer.Line("// <auto-generated/>");
        writer.Line("#nullable enable");
        writer.Line();
        if (@namespace is not null)
        {
            writer.Open("namespace " + @namespace);
        }

        return writer;
    }

    private static string Utf8(string text) => Literal(text) + "u8";

    /// <summary>A C# string literal with every character that needs it escaped.</summary>
    internal static string Literal(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }
}
