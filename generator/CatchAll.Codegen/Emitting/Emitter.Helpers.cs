using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;
using CatchAll.Codegen.Parsing;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    /// <summary>
    /// Waiting and paging helpers, as extension methods on the resource interfaces: they work on
    /// the real client and on a test double alike, and come from what the spec declares.
    /// </summary>
    private IEnumerable<GeneratedFile> EmitHelpers()
    {
        foreach (var waiter in _spec.Waiters)
        {
            yield return new GeneratedFile($"{_spec.Namespace}.{waiter.ExceptionName}.g.cs", EmitFailureException(waiter));
        }

        foreach (var resource in _spec.Resources)
        {
            var waiters = _spec.Waiters.Where(w => w.Resource == resource.Name).ToList();
            var pagers = _spec.Pagers.Where(p => p.Resource == resource.Name).ToList();
            var uploads = resource.Operations.Where(o => UploadFile(o) is not null).ToList();
            if (waiters.Count == 0 && pagers.Count == 0 && uploads.Count == 0)
            {
                continue;
            }

            var w = Header(_spec.Namespace);
            w.Doc("summary", $"Waiting, paging and upload helpers for <see cref=\"I{resource.Name}Client\"/>.", raw: true);
            w.Open($"public static partial class {resource.Name}ClientExtensions");
            w.Line($"private static global::System.TimeProvider TimeProviderOf(I{resource.Name}Client client) =>");
            w.Line($"    (client as {resource.Name}Client)?.PipelineOrNull?.TimeProvider ?? global::System.TimeProvider.System;");
            foreach (var waiter in waiters)
            {
                EmitWaiter(w, resource, waiter);
            }

            foreach (var pager in pagers)
            {
                EmitPager(w, resource, pager);
            }

            foreach (var upload in uploads)
            {
                EmitFilePathOverload(w, resource, upload, UploadFile(upload)!);
            }

            w.Close();
            w.Close();
            yield return new GeneratedFile($"{_spec.Namespace}.{resource.Name}ClientExtensions.g.cs", w.ToString());
        }
    }

    private static readonly string[] ErrorMembers = { "error", "error_message", "failure_reason", "reason", "message", "detail" };

    private string EmitFailureException(WaiterModel waiter)
    {
        var result = TypeName(waiter.ResultType, false);
        var decl = ObjectNamed(waiter.ResultType.Name!);
        var w = Header(_spec.Namespace);
        w.Summary($"Thrown by {waiter.MethodName} when the resource reaches a failure status ({string.Join(", ", waiter.FailureValues)}); carries what the last status says about the failure.");
        w.Open($"public sealed class {waiter.ExceptionName} : {Api}.OperationFailedException");
        w.Summary("Creates the exception from the last status response.");
        w.Doc("param", "The resource that failed.", " name=\"resourceId\"");
        w.Doc("param", "The failure status.", " name=\"status\"");
        w.Doc("param", "The status response that reported the failure.", " name=\"lastResult\"");
        w.Line($"public {waiter.ExceptionName}(string resourceId, string status, {result} lastResult)");
        w.Line($"    : base({Literal(waiter.StatusOperationId)}, resourceId, status, lastResult, Describe(resourceId, status, lastResult))");
        w.Line("{");
        w.Line("    Result = lastResult;");
        w.Line("    FailedStep = FailedStepOf(lastResult);");
        w.Line("    Error = ErrorOf(lastResult);");
        w.Line("}");
        w.Line();
        w.Summary("The status response that reported the failure.");
        w.Line($"public {result} Result {{ get; }}");
        w.Line();
        w.Summary("The stage the resource was in when it failed (the first step the status lists as not completed), when the status has steps.");
        w.Line("public string? FailedStep { get; }");
        w.Line();
        w.Summary("The error text the status carries (an error, message or detail member, declared or not), if any.");
        w.Line("public string? Error { get; }");
        w.Line();
        w.Line($"private static string Describe(string resourceId, string status, {result} lastResult)");
        w.Line("{");
        w.Line("    var step = FailedStepOf(lastResult);");
        w.Line("    var error = ErrorOf(lastResult);");
        w.Line($"    return {Literal(Naming.Singular(waiter.Resource) + " ")} + resourceId + \" ended with status '\" + status + \"'\" + (step is null ? \"\" : \" at step '\" + step + \"'\") + (error is null ? \".\" : \": \" + error);");
        w.Line("}");
        w.Line();
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

    private string StatusText(WaiterModel waiter, string result)
    {
        var decl = ObjectNamed(waiter.ResultType.Name!);
        var property = decl.Properties.First(p => p.Name == waiter.StatusPropertyName);
        var nullable = !property.Required || property.Type.Nullable || !property.Type.IsValueType;
        return nullable ? $"{result}.{property.Name}?.ToString()" : $"{result}.{property.Name}.ToString()";
    }

    private void EmitWaiter(SourceWriter w, ResourceModel resource, WaiterModel waiter)
    {
        var client = $"I{resource.Name}Client";
        var result = TypeName(waiter.ResultType, false);
        var id = TypeName(waiter.IdType, false);
        var classify = "Classify" + waiter.MethodName;
        var common = $"{Api}.PollingOptions? polling = null, global::System.IProgress<{result}>? progress = null, {Token} cancellationToken = default";

        w.Line();
        w.Doc("summary", $"Polls {waiter.StatusOperationMethod} until the status is {string.Join(" or ", waiter.SuccessValues)}; throws <see cref=\"{waiter.ExceptionName}\"/> on {string.Join(" or ", waiter.FailureValues)}.", raw: true);
        w.Doc("param", "The client.", " name=\"client\"");
        w.Doc("param", "The resource to wait for.", $" name=\"{waiter.IdParameterName.TrimStart('@')}\"");
        w.Doc("param", $"Interval (when unset, the {waiter.DefaultIntervalSeconds} s the spec declares) and overall timeout.", " name=\"polling\"");
        w.Doc("param", "Receives every status response.", " name=\"progress\"");
        w.Doc("param", "Stops the wait.", " name=\"cancellationToken\"");
        w.Open($"public static {Tasks}.Task<{result}> {waiter.MethodName}(this {client} client, {id} {waiter.IdParameterName}, {common})");
        w.Line("if (client is null) throw new global::System.ArgumentNullException(nameof(client));");
        w.Line($"return {Runtime}.Poller.PollAsync(");
        w.Indent();
        w.Line($"token => client.{waiter.StatusOperationMethod}({waiter.IdParameterName}, cancellationToken: token),");
        EmitPollArguments(w, waiter);

        foreach (var starter in waiter.Starters)
        {
            var request = TypeName(starter.RequestType, false);
            var response = ObjectNamed(starter.ResponseType.Name!).Properties.First(p => p.Name == starter.IdPropertyName);
            var idExpression = response.Required && !response.Type.Nullable
                ? $"started.{starter.IdPropertyName}"
                : $"started.{starter.IdPropertyName} ?? throw new global::System.InvalidOperationException(\"The response of {starter.OperationMethod} has no {response.JsonName}.\")";
            w.Line();
            w.Doc("summary", $"Calls {starter.OperationMethod}, then <see cref=\"{waiter.MethodName}\"/> on the resource it returns.", raw: true);
            w.Doc("param", "The client.", " name=\"client\"");
            w.Doc("param", "The request body.", " name=\"body\"");
            w.Doc("param", "Interval and overall timeout of the wait.", " name=\"polling\"");
            w.Doc("param", "Receives every status response.", " name=\"progress\"");
            w.Doc("param", "Stops the call and the wait.", " name=\"cancellationToken\"");
            w.Open($"public static async {Tasks}.Task<{result}> {starter.HelperName}(this {client} client, {request} body, {common})");
            w.Line("if (client is null) throw new global::System.ArgumentNullException(nameof(client));");
            w.Line($"var started = await client.{starter.OperationMethod}(body, cancellationToken: cancellationToken).ConfigureAwait(false);");
            w.Line($"return await client.{waiter.MethodName}({idExpression}, polling, progress, cancellationToken).ConfigureAwait(false);");
            w.Close();
        }

        if (waiter.PartialMethod is not null && waiter.PartialValues.Count > 0)
        {
            // With a pager whose items have an id, only records not reported before are reported, across pages and polls.
            var partialPager = _spec.Pagers.FirstOrDefault(p => p.Resource == waiter.Resource && p.OperationMethod == waiter.PartialMethod);
            var itemId = partialPager is null ? null : ItemId(partialPager.ItemType);
            var item = partialPager is null ? null : TypeName(partialPager.ItemType, false);
            var partial = itemId is null ? TypeName(waiter.PartialResultType!, false) : $"{Generic}.IReadOnlyList<{item}>";
            var reports = partialPager is null
                ? $"calls {waiter.PartialMethod} after each poll and reports the partial results"
                : itemId is null
                    ? $"walks the pages of {waiter.PartialMethod} after each poll and reports each page of partial results"
                    : $"reads the pages of {waiter.PartialMethod} after each poll, from the last page with items on, and reports the items it has not reported before (by {itemId.JsonName}), each once, in order";
            w.Line();
            w.Doc("summary", $"Like <see cref=\"{waiter.MethodName}\"/>, and while the status is {string.Join(" or ", waiter.PartialValues)} it also {reports}.", raw: true);
            w.Doc("param", "The client.", " name=\"client\"");
            w.Doc("param", "The resource to wait for.", $" name=\"{waiter.IdParameterName.TrimStart('@')}\"");
            w.Doc("param", itemId is null ? "Receives the partial results." : "Receives each batch of new items; none is reported twice.", " name=\"partialResults\"");
            w.Doc("param", "Interval and overall timeout of the wait.", " name=\"polling\"");
            w.Doc("param", "Receives every status response.", " name=\"progress\"");
            w.Doc("param", "Stops the wait.", " name=\"cancellationToken\"");
            w.Open($"public static {Tasks}.Task<{result}> {waiter.MethodName.Substring(0, waiter.MethodName.Length - 5)}WithPartialResultsAsync(this {client} client, {id} {waiter.IdParameterName}, global::System.IProgress<{partial}> partialResults, {common})");
            w.Line("if (client is null) throw new global::System.ArgumentNullException(nameof(client));");
            w.Line("if (partialResults is null) throw new global::System.ArgumentNullException(nameof(partialResults));");
            if (itemId is not null)
            {
                // The runtime resumes each poll at the last page with items instead of walking every page again.
                var nullableKey = !itemId.Required || itemId.Type.Nullable || !itemId.Type.IsValueType;
                var key = nullableKey ? $"item.{itemId.Name}?.ToString()" : Format(itemId.Type, "item." + itemId.Name);
                w.Line($"var reporter = new {Runtime}.NewItemReporter<{TypeName(partialPager!.PageType, false)}, {item}>(item => {key}, partialResults);");
            }

            w.Line($"return {Runtime}.Poller.PollAsync(");
            w.Indent();
            w.Line("async token =>");
            w.Line("{");
            w.Indent();
            w.Line($"var status = await client.{waiter.StatusOperationMethod}({waiter.IdParameterName}, cancellationToken: token).ConfigureAwait(false);");
            w.Open($"if ({StatusText(waiter, "status")} is {string.Join(" or ", waiter.PartialValues.Select(Literal))})");
            if (partialPager is null)
            {
                w.Line($"await {Runtime}.ProgressReporting.ReportAsync(partialResults, await client.{waiter.PartialMethod}({waiter.IdParameterName}, cancellationToken: token).ConfigureAwait(false), token).ConfigureAwait(false);");
            }
            else if (itemId is not null)
            {
                w.Line($"await reporter.ReportNewAsync(client.{partialPager.MethodName}({waiter.IdParameterName}), token).ConfigureAwait(false);");
            }
            else
            {
                w.Open($"await foreach (var page in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(client.{partialPager.MethodName}({waiter.IdParameterName}).AsPages(token), false))");
                w.Line($"await {Runtime}.ProgressReporting.ReportAsync(partialResults, page, token).ConfigureAwait(false);");
                w.Close();
            }

            w.Close();
            w.Line("return status;");
            w.Unindent();
            w.Line("},");
            EmitPollArguments(w, waiter);
        }

        w.Line();
        w.Open($"private static {Runtime}.PollOutcome {classify}({result} result) => {StatusText(waiter, "result")} switch");
        foreach (var value in waiter.SuccessValues)
        {
            w.Line($"{Literal(value)} => {Runtime}.PollOutcome.Succeeded,");
        }

        foreach (var value in waiter.FailureValues)
        {
            w.Line($"{Literal(value)} => {Runtime}.PollOutcome.Failed,");
        }

        w.Line($"_ => {Runtime}.PollOutcome.Continue,");
        w.Close(";");
    }

    /// <summary>The member that identifies a paged item: <c>id</c>, else the first <c>..._id</c>; null when there is none.</summary>
    private PropertyDecl? ItemId(TypeRef itemType)
    {
        if (itemType.NamedKind != NamedKind.Object || !_types.TryGetValue(itemType.Name!, out var found) || found is not ObjectDecl decl)
        {
            return null;
        }

        static bool Scalar(PropertyDecl p) => p.Type.Kind is TypeKind.String or TypeKind.Guid or TypeKind.Int32 or TypeKind.Int64;
        return decl.Properties.FirstOrDefault(p => p.JsonName == "id" && Scalar(p))
            ?? decl.Properties.FirstOrDefault(p => p.JsonName.EndsWith("_id", System.StringComparison.Ordinal) && Scalar(p));
    }

    /// <summary>The Poller.PollAsync arguments after the poll delegate, shared by every wait.</summary>
    private void EmitPollArguments(SourceWriter w, WaiterModel waiter)
    {
        w.Line($"Classify{waiter.MethodName},");
        w.Line($"result => new {waiter.ExceptionName}({Format(waiter.IdType, waiter.IdParameterName)}, {StatusText(waiter, "result")} ?? string.Empty, result),");
        w.Line($"{Api}.PollingOptions.ForOperation(polling, {Literal(waiter.StatusOperationId)}, global::System.TimeSpan.FromSeconds({waiter.DefaultIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)})),");
        w.Line("TimeProviderOf(client),");
        w.Line("progress,");
        w.Line("cancellationToken);");
        w.Unindent();
        w.Close();
    }

    private void EmitPager(SourceWriter w, ResourceModel resource, PagerModel pager)
    {
        var operation = resource.Operations.First(o => o.MethodName == pager.OperationMethod);
        var pageParameter = operation.Parameters.First(p => p.WireName == "page" && p.Location == ParamLocation.Query).Name;
        var arguments = Arguments(operation).Where(a => a.Name != pageParameter && a.Name != "cancellationToken").ToList();
        var page = TypeName(pager.PageType, false);
        var item = TypeName(pager.ItemType, pager.ItemType.Nullable);
        w.Line();
        w.Summary($"Every item of {pager.OperationMethod}, page after page; a page is fetched only when enumeration reaches it. AsPages() gives the pages themselves.");
        w.Doc("param", "The client.", " name=\"client\"");
        foreach (var argument in arguments)
        {
            w.Doc("param", argument.Doc, $" name=\"{argument.Name.TrimStart('@')}\"");
        }

        EmitObsolete(w, operation);
        var parameters = string.Join(", ", new[] { $"this I{resource.Name}Client client" }.Concat(arguments.Select(a => a.Default is null ? $"{a.Type} {a.Name}" : $"{a.Type} {a.Name} = {a.Default}")));
        w.Open($"public static {Api}.AsyncPageable<{page}, {item}> {pager.MethodName}({parameters})");
        w.Line("if (client is null) throw new global::System.ArgumentNullException(nameof(client));");
        var call = string.Join(", ", Arguments(operation).Select(a => a.Name == pageParameter ? $"{a.Name}: number" : a.Name == "cancellationToken" ? "cancellationToken: token" : $"{a.Name}: {a.Name}"));
        w.Line($"return new {Api}.AsyncPageable<{page}, {item}>(");
        w.Indent();
        w.Line($"(number, token) => client.{pager.OperationMethod}({call}),");
        w.Line($"result => result.{pager.ItemsPropertyName} is null ? null : result.{pager.ItemsPropertyName} as {Generic}.IReadOnlyList<{item}> ?? new {Generic}.List<{item}>(result.{pager.ItemsPropertyName}),");
        w.Line(pager.PageCount.TotalPages is { } totalPages
            ? $"result => {Runtime}.PageCount.FromTotalPages(result.{totalPages}));"
            : $"result => {Runtime}.PageCount.FromTotalItems(result.{pager.PageCount.TotalItems}, result.{pager.PageCount.PageSize}));");
        w.Unindent();
        w.Close();
    }
}
