using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

/// <summary>A waiting helper (x-catchall-wait): polls a status operation until a terminal status, and the submit-and-wait helpers built on it.</summary>
internal sealed partial class Emitter
{
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
                : $"started.{starter.IdPropertyName} ?? throw new global::System.InvalidOperationException({Literal($"The response of {starter.OperationMethod} has no {response.JsonName}.")})";
            w.Block($$"""

                /// <summary>Calls {{starter.OperationMethod}}, then <see cref="{{waiter.MethodName}}"/> on the resource it returns.</summary>
                /// <param name="client">The client.</param>
                /// <param name="body">The request body.</param>
                /// <param name="polling">Interval and overall timeout of the wait.</param>
                /// <param name="progress">Receives every status response.</param>
                /// <param name="cancellationToken">Stops the call and the wait.</param>
                public static async {{Tasks}}.Task<{{result}}> {{starter.HelperName}}(this {{client}} client, {{request}} body, {{common}})
                {
                    if (client is null) throw new global::System.ArgumentNullException(nameof(client));
                    var started = await client.{{starter.OperationMethod}}(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return await client.{{waiter.MethodName}}({{idExpression}}, polling, progress, cancellationToken).ConfigureAwait(false);
                }
                """);
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
}
