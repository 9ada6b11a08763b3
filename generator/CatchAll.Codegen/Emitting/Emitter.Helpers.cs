using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;

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
            w.Line($"    (client as {resource.Name}Client)?.Pipeline.TimeProvider ?? global::System.TimeProvider.System;");
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

    private string EmitFailureException(WaiterModel waiter)
    {
        var result = TypeName(waiter.ResultType, false);
        var w = Header(_spec.Namespace);
        w.Summary($"Thrown by {waiter.MethodName} when the resource reaches a failure status ({string.Join(", ", waiter.FailureValues)}).");
        w.Open($"public sealed class {waiter.ExceptionName} : {Api}.OperationFailedException");
        w.Summary("Creates the exception from the last status response.");
        w.Line($"public {waiter.ExceptionName}(string resourceId, string status, {result} lastResult)");
        w.Line($"    : base({Literal(waiter.StatusOperationId)}, resourceId, status, lastResult, \"{waiter.Resource} \" + resourceId + \" ended with status '\" + status + \"'.\")");
        w.Line("{");
        w.Line("    Result = lastResult;");
        w.Line("}");
        w.Line();
        w.Summary("The status response that reported the failure.");
        w.Line($"public {result} Result {{ get; }}");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private string StatusText(WaiterModel waiter, string result)
    {
        var decl = _types[waiter.ResultType.Name!];
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
            var response = _types[starter.ResponseType.Name!].Properties.First(p => p.Name == starter.IdPropertyName);
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
            var partial = TypeName(waiter.PartialResultType!, false);
            // With a pager, every page of what has been found so far is reported, not only the first.
            var partialPager = _spec.Pagers.FirstOrDefault(p => p.Resource == waiter.Resource && p.OperationMethod == waiter.PartialMethod);
            var reports = partialPager is null
                ? $"calls {waiter.PartialMethod} after each poll and reports the partial results"
                : $"walks the pages of {waiter.PartialMethod} after each poll and reports each page of partial results";
            w.Line();
            w.Doc("summary", $"Like <see cref=\"{waiter.MethodName}\"/>, and while the status is {string.Join(" or ", waiter.PartialValues)} it also {reports}.", raw: true);
            w.Doc("param", "The client.", " name=\"client\"");
            w.Doc("param", "The resource to wait for.", $" name=\"{waiter.IdParameterName.TrimStart('@')}\"");
            w.Doc("param", "Receives the partial results.", " name=\"partialResults\"");
            w.Doc("param", "Interval and overall timeout of the wait.", " name=\"polling\"");
            w.Doc("param", "Receives every status response.", " name=\"progress\"");
            w.Doc("param", "Stops the wait.", " name=\"cancellationToken\"");
            w.Open($"public static {Tasks}.Task<{result}> {waiter.MethodName.Substring(0, waiter.MethodName.Length - 5)}WithPartialResultsAsync(this {client} client, {id} {waiter.IdParameterName}, global::System.IProgress<{partial}> partialResults, {common})");
            w.Line("if (client is null) throw new global::System.ArgumentNullException(nameof(client));");
            w.Line("if (partialResults is null) throw new global::System.ArgumentNullException(nameof(partialResults));");
            w.Line($"return {Runtime}.Poller.PollAsync(");
            w.Indent();
            w.Line("async token =>");
            w.Line("{");
            w.Indent();
            w.Line($"var status = await client.{waiter.StatusOperationMethod}({waiter.IdParameterName}, cancellationToken: token).ConfigureAwait(false);");
            w.Open($"if ({StatusText(waiter, "status")} is {string.Join(" or ", waiter.PartialValues.Select(Literal))})");
            if (partialPager is null)
            {
                w.Line($"partialResults.Report(await client.{waiter.PartialMethod}({waiter.IdParameterName}, cancellationToken: token).ConfigureAwait(false));");
            }
            else
            {
                w.Open($"await foreach (var page in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(client.{partialPager.MethodName}({waiter.IdParameterName}).AsPages(token), false))");
                w.Line("partialResults.Report(page);");
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
