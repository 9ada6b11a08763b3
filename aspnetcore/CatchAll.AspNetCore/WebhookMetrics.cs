using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace CatchAll.AspNetCore;

/// <summary>
/// The receiver's instruments, on the meter <c>CatchAll.AspNetCore.Webhooks</c>:
/// <c>catchall.webhooks.deliveries</c> (counter; tags <c>kind</c>, <c>outcome</c>: accepted, duplicate, unauthorized,
/// unsupported_media_type, too_large, invalid_json, queue_full),
/// <c>catchall.webhooks.queue.depth</c> (events waiting), <c>catchall.webhooks.handler.duration</c> (seconds per attempt;
/// tags <c>kind</c>, <c>outcome</c>: success, failure), <c>catchall.webhooks.handler.failures</c> (failed attempts) and
/// <c>catchall.webhooks.events.failed</c> (events given up after every attempt or left undrained at shutdown).
/// </summary>
internal sealed class WebhookMetrics
{
    public const string MeterName = "CatchAll.AspNetCore.Webhooks";

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _failedEvents;

    public WebhookMetrics(IMeterFactory meters, Func<int> queueDepth)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("catchall.webhooks.deliveries", "{delivery}", "Webhook deliveries received, by outcome.");
        meter.CreateObservableUpDownCounter("catchall.webhooks.queue.depth", queueDepth, "{event}", "Events accepted and not yet handled.");
        _duration = meter.CreateHistogram<double>("catchall.webhooks.handler.duration", "s", "Time the handler took per attempt.");
        _failures = meter.CreateCounter<long>("catchall.webhooks.handler.failures", "{attempt}", "Handler attempts that threw.");
        _failedEvents = meter.CreateCounter<long>("catchall.webhooks.events.failed", "{event}", "Events not handled: every attempt failed, or shutdown came first.");
    }

    public void Delivery(string kind, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void Attempt(string kind, bool success, TimeSpan elapsed)
    {
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", success ? "success" : "failure"));
        if (!success)
        {
            _failures.Add(1, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    public void EventFailed(string kind, string reason) =>
        _failedEvents.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));
}
