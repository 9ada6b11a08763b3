using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    private const string WebhookEvent = "global::CatchAll.AspNetCore.CatchAllWebhookEvent";
    private const string WebhookKind = "global::CatchAll.AspNetCore.CatchAllWebhookEventKind";

    /// <summary>
    /// Extension methods that read CatchAll.AspNetCore's events as this contract's models, emitted only when the
    /// project references that package: the package cannot name types generated in the consumer, so this glue does.
    /// The models are found by shape, not by name (a monitor's payload has <c>monitor_id</c>, <c>latest_job_id</c> and
    /// a <c>records</c> array; a job's results <c>job_id</c>, <c>status</c> and an <c>all_records</c> array), so renamed
    /// schemas keep working and a spec without them gets nothing. Null when the spec has neither.
    /// </summary>
    private static readonly (string First, string Second, string Records) MonitorRunShape = ("monitor_id", "latest_job_id", "records");
    private static readonly (string First, string Second, string Records) JobResultsShape = ("job_id", "status", "all_records");

    private bool HasWebhookEvents() => FindByShape(MonitorRunShape) is not null || FindByShape(JobResultsShape) is not null;

    private string? EmitWebhookEvents()
    {
        if (!HasWebhookEvents())
        {
            return null;
        }

        var monitorRun = FindByShape(MonitorRunShape);
        var jobResults = FindByShape(JobResultsShape);

        var json = $"global::{_spec.Namespace}.{_spec.ClientName}Json";
        var w = Header(_spec.Namespace);
        w.Summary($"Reads CatchAll.AspNetCore webhook events as the models of the {_spec.Title} contract (no reflection).");
        w.Open($"public static partial class {_spec.ClientName}WebhookEvents");
        var first = true;
        if (jobResults is not null)
        {
            var isJob = $"e.Kind == {WebhookKind}.JobCompleted || e.Kind == {WebhookKind}.JobFailed";
            EmitAccessors(w, ref first, json, jobResults.Value.Type, jobResults.Value.Records, isJob, "Job", "JobResults", "a job's completion or failure");
        }

        if (monitorRun is not null)
        {
            var isRun = $"e.Kind == {WebhookKind}.MonitorRun";
            EmitAccessors(w, ref first, json, monitorRun.Value.Type, monitorRun.Value.Records, isRun, "Monitor", "MonitorRun", "a monitor run");
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    private void EmitAccessors(SourceWriter w, ref bool first, string json, ObjectDecl body, string records, string condition, string prefix, string bodyMethod, string what)
    {
        if (!first)
        {
            w.Line();
        }

        first = false;
        var bodyType = ModelName(body.Name);
        w.Doc("summary", $"The body of {what} as <see cref=\"{bodyType}\"/>; <see langword=\"null\"/> for other kinds of event.", raw: true);
        w.Doc("param", "The received event.", " name=\"e\"");
        w.Line($"public static {bodyType}? Get{bodyMethod}(this {WebhookEvent} e) =>");
        w.Line($"    {condition} ? e.Deserialize({json}.{JsonAccessor(body.Name)}) : null;");
        var recordType = ModelName(records);
        w.Line();
        w.Doc("summary", $"The records of {what} as <see cref=\"{recordType}\"/>; empty for other kinds of event.", raw: true);
        w.Doc("param", "The received event.", " name=\"e\"");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{recordType}> Get{prefix}Records(this {WebhookEvent} e) =>");
        w.Line($"    {condition} ? e.GetRecords({json}.{JsonAccessor(records)}) : global::System.Array.Empty<{recordType}>();");
    }

    /// <summary>The first object model, in spec order, with all three properties; the last must be an array (its records).</summary>
    private (ObjectDecl Type, string Records)? FindByShape((string First, string Second, string Records) shape)
    {
        var (first, second, recordsProperty) = shape;
        foreach (var type in _spec.Types.OfType<ObjectDecl>())
        {

            var properties = type.Properties.AsImmutableArray();
            if (!properties.Any(p => p.JsonName == first) || !properties.Any(p => p.JsonName == second))
            {
                continue;
            }

            var records = properties.FirstOrDefault(p => p.JsonName == recordsProperty);
            if (records is { Type: { Kind: TypeKind.Array, Element: { Kind: TypeKind.Named, NamedKind: NamedKind.Object, Name: { } element } } })
            {
                return (type, element);
            }
        }

        return null;
    }
}
