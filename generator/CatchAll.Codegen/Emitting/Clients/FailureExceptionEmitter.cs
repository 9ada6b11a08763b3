using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Emitting;

/// <summary>The exception a waiter throws when the resource reaches a failure status, with what the status says about why.</summary>
internal sealed partial class Emitter
{
    private static readonly string[] ErrorMembers = { "error", "error_message", "failure_reason", "reason", "message", "detail" };

    /// <summary>One file per waiter, in spec order.</summary>
    private IEnumerable<GeneratedFile> EmitFailureExceptions()
    {
        foreach (var waiter in _spec.Waiters)
        {
            yield return new GeneratedFile(ExceptionHint(_spec, waiter), EmitFailureException(waiter));
        }
    }

    // The resource's own singular, so a tag's x-catchall-singular reaches the message as it reaches type names
    // (a waiter always belongs to a resource of the model: the subset drops both together).
    private string SingularOf(string resource) => _spec.Resources.First(r => r.Name == resource).Singular;

    private string EmitFailureException(WaiterModel waiter)
    {
        var result = TypeName(waiter.ResultType, false);
        var decl = ObjectNamed(waiter.ResultType.Name!);
        var w = Header(_spec.Namespace);
        w.Summary($"Thrown by {waiter.MethodName} when the resource reaches a failure status ({string.Join(", ", waiter.FailureValues)}); carries what the last status says about the failure.");
        w.Open($"public sealed class {waiter.ExceptionName} : {Api}.OperationFailedException");
        w.Block($$"""
            /// <summary>Creates the exception from the last status response.</summary>
            /// <param name="resourceId">The resource that failed.</param>
            /// <param name="status">The failure status.</param>
            /// <param name="lastResult">The status response that reported the failure.</param>
            public {{waiter.ExceptionName}}(string resourceId, string status, {{result}} lastResult)
                : base({{Literal(waiter.StatusOperationId)}}, resourceId, status, lastResult, Describe(resourceId, status, lastResult))
            {
                Result = lastResult;
                FailedStep = FailedStepOf(lastResult);
                Error = ErrorOf(lastResult);
            }

            /// <summary>The status response that reported the failure.</summary>
            public {{result}} Result { get; }

            /// <summary>The stage the resource was in when it failed (the first step the status lists as not completed), when the status has steps.</summary>
            public string? FailedStep { get; }

            /// <summary>The error text the status carries (an error, message or detail member, declared or not), if any.</summary>
            public string? Error { get; }

            private static string Describe(string resourceId, string status, {{result}} lastResult)
            {
                var step = FailedStepOf(lastResult);
                var error = ErrorOf(lastResult);
                return {{Literal(SingularOf(waiter.Resource) + " ")}} + resourceId + " ended with status '" + status + "'" + (step is null ? "" : " at step '" + step + "'") + (error is null ? "." : ": " + error);
            }

            """);
        EmitFailedStep(w, waiter, decl, result);
        w.Line();
        EmitErrorOf(w, decl, result);
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>A status with a <c>steps</c> array of objects with <c>status</c> and <c>completed</c>: the first step not completed.</summary>
    private void EmitFailedStep(SourceWriter w, WaiterModel waiter, ObjectDecl decl, string result)
    {
        var steps = decl.Properties.FirstOrDefault(p => p.JsonName == "steps" && p.Type.Kind == TypeKind.Array && p.Type.Element?.NamedKind == NamedKind.Object);
        var step = steps is null ? null : ObjectNamed(steps.Type.Element!.Name!);
        var stepStatus = step?.Properties.FirstOrDefault(p => p.JsonName == "status");
        var completed = step?.Properties.FirstOrDefault(p => p.JsonName == "completed" && p.Type.Kind == TypeKind.Boolean);
        if (steps is null || stepStatus is null || completed is null)
        {
            w.Line($"private static string? FailedStepOf({result} lastResult) => null;");
            return;
        }

        var statusNullable = !stepStatus.Required || stepStatus.Type.Nullable || !stepStatus.Type.IsValueType;
        w.Open($"private static string? FailedStepOf({result} lastResult)");
        w.Line($"if (lastResult.{steps.Name} is null) return null;");
        w.Open($"foreach (var step in lastResult.{steps.Name})");
        w.Line($"var name = step?.{stepStatus.Name}{(statusNullable ? "?" : "")}.ToString();");
        w.Line($"if (step is not null && step.{completed.Name} != true && name is not null && name is not ({string.Join(" or ", waiter.FailureValues.Concat(waiter.SuccessValues).Select(Literal))})) return name;");
        w.Close();
        w.Line("return null;");
        w.Close();
    }

    private void EmitErrorOf(SourceWriter w, ObjectDecl decl, string result)
    {
        w.Open($"private static string? ErrorOf({result} lastResult)");
        foreach (var name in ErrorMembers)
        {
            if (decl.Properties.FirstOrDefault(p => p.JsonName == name && p.Type.Kind == TypeKind.String) is { } declared)
            {
                w.Line($"if (!string.IsNullOrEmpty(lastResult.{declared.Name})) return lastResult.{declared.Name};");
            }
            else if (decl.AdditionalPropertiesType is null)
            {
                w.Line($"if (lastResult.AdditionalProperties.TryGetValue({Literal(name)}, out var {Naming.Camel(name)}) && {Naming.Camel(name)}.ValueKind == {Json}.JsonValueKind.String) return {Naming.Camel(name)}.GetString();");
            }
        }

        w.Line("return null;");
        w.Close();
    }
}
