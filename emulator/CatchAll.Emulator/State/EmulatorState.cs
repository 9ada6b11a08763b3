using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.Synthetic;
using CatchAll.Emulator.Webhooks;

namespace CatchAll.Emulator.State;

/// <summary>
/// All in-memory data of one emulator. Every access happens under <see cref="Gate"/>; time-driven
/// side effects (monitor runs, webhook deliveries) are applied by <see cref="Pump"/>, which runs
/// before each request and on a short background timer.
/// </summary>
internal sealed class EmulatorState
{
    public const int PlanMaxResults = 1000;
    public const int CandidateCap = 400;
    public const string ApiVersion = "1.6.3";

    private readonly Random _random;
    private long _nextDeliveryId = 1;
    private DateTimeOffset? _frozen;

    public EmulatorState(EmulatorOptions options, EmulatorClock clock, EmulatorFaults faults, string apiKey)
    {
        Options = options;
        Clock = clock;
        Faults = faults;
        ApiKey = apiKey;
        _random = new Random(options.Seed);
        Events = new EventFactory(options.Seed, options.EventsPerTopicPerDay);
        OrganizationId = NewId();
        UserId = NewId();
        MaskedKey = "***..." + (apiKey.Length > 4 ? apiKey[^4..] : apiKey);
    }

    public object Gate { get; } = new();

    /// <summary>The API clock's time; while a request is handled (<see cref="Freeze"/>) it stays at the request's instant.</summary>
    public DateTimeOffset Now => _frozen ?? Clock.UtcNow;

    public EmulatorOptions Options { get; }

    public EmulatorClock Clock { get; }

    public EmulatorFaults Faults { get; }

    public string ApiKey { get; }

    public string MaskedKey { get; }

    public Guid OrganizationId { get; }

    public Guid UserId { get; }

    public EventFactory Events { get; }

    public WebhookDispatcher? Dispatcher { get; set; }

    public Dictionary<Guid, JobState> Jobs { get; } = [];

    public Dictionary<Guid, MonitorState> Monitors { get; } = [];

    public Dictionary<Guid, WebhookState> Webhooks { get; } = [];

    public List<WebhookMapping> Mappings { get; } = [];

    public List<DeliveryRecord> Deliveries { get; } = [];

    public Dictionary<Guid, EntityState> Entities { get; } = [];

    public Dictionary<Guid, DatasetState> Datasets { get; } = [];

    public Dictionary<Guid, ProjectState> Projects { get; } = [];

    public Dictionary<(string Type, Guid Id), ProjectLink> ProjectLinks { get; } = [];

    /// <summary>Holds <see cref="Now"/> at the current instant until <see cref="Thaw"/>; called under <see cref="Gate"/>.</summary>
    public void Freeze() => _frozen = Clock.UtcNow;

    public void Thaw() => _frozen = null;

    public Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public JobState CreateJob(JobRequest request, DateTimeOffset createdAt, Guid? monitorId = null)
    {
        var id = NewId();
        var profile = QueryProfile.Analyze(request.Query, request.Context);
        var suggested = QueryAdvisor.Suggest(profile, request.FetchAllWatchlistNews);
        var validators = request.Validators ?? suggested.Validators;
        var enrichments = request.Enrichments ?? suggested.Enrichments;
        var candidates = FindCandidates(request, profile, validators);
        var limit = request.Limit ?? PlanMaxResults;

        var nominal = Options.StageDurations.ToArray();
        var stages = new TimeSpan[nominal.Length];
        for (var i = 0; i < nominal.Length; i++)
        {
            var spread = Options.StageJitter <= 0 ? 1.0 : 1.0 + Options.StageJitter * (2 * _random.NextDouble() - 1);
            stages[i] = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(nominal[i].Ticks * spread)));
        }

        var job = new JobState
        {
            Id = id,
            Query = request.Query,
            Context = request.Context,
            RequestedLimit = request.Limit,
            Limit = limit,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            ValidatorsJson = JobRequest.ToJson(validators, withType: false),
            EnrichmentsJson = JobRequest.ToJson(enrichments, withType: true),
            Validators = validators,
            Enrichments = enrichments,
            EnrichmentsDefined = request.EnrichmentsDefined && request.Enrichments is not null,
            EnrichmentIrregularity = double.IsNaN(Options.EnrichmentIrregularity) ? 0 : Math.Clamp(Options.EnrichmentIrregularity, 0, 1),
            Mode = request.Mode,
            DatasetIds = request.DatasetIds,
            EdScoreMin = request.EdScoreMin,
            AssociationType = request.AssociationType,
            FetchAllWatchlistNews = request.FetchAllWatchlistNews,
            CreatedAt = createdAt,
            StageDurations = stages,
            MonitorId = monitorId,
            Candidates = candidates,
        };
        job.InitialCheckTarget = job.CheckTargetFor(limit);

        var failure = Faults.TakeJobFailure(id.ToString(), request.Query);
        if (failure is not null)
        {
            job.FailAt = job.DefaultFailurePoint;
            job.Error = failure;
        }

        Jobs[id] = job;
        return job;
    }

    private List<Candidate> FindCandidates(JobRequest request, QueryProfile profile, IReadOnlyList<FieldSuggestion> validators)
    {
        var events = new List<SyntheticEvent>();
        if (request.DatasetIds.Count > 0)
        {
            var topics = request.FetchAllWatchlistNews ? Topic.All : profile.Topics;
            var seen = new HashSet<Guid>();
            foreach (var datasetId in request.DatasetIds)
            {
                if (!Datasets.TryGetValue(datasetId, out var dataset))
                {
                    continue;
                }

                foreach (var entityId in dataset.EntityIds)
                {
                    if (!seen.Add(entityId) || !Entities.TryGetValue(entityId, out var entity))
                    {
                        continue;
                    }

                    var info = new WatchlistEntity(entity.Id, entity.Name, entity.Domain, entity.EntityType, (JsonObject?)entity.CompanyAttributes?.DeepClone());
                    events.AddRange(Events.EntityWindow(info, topics, request.StartDate, request.EndDate, profile));
                }
            }
        }
        else if (profile.Topics.Count > 0)
        {
            foreach (var topic in profile.Topics)
            {
                events.AddRange(Events.Window(topic, request.StartDate, request.EndDate, profile));
            }
        }
        else
        {
            // A query naming no event type still finds something: a thin sample of every topic.
            foreach (var topic in Topic.All)
            {
                foreach (var e in Events.Window(topic, request.StartDate, request.EndDate, profile))
                {
                    if (Hashing.Combine(e.Hash, profile.Key) % 4 == 0)
                    {
                        events.Add(e);
                    }
                }
            }
        }

        events.Sort((a, b) => b.PublishedAt.CompareTo(a.PublishedAt));
        if (events.Count > CandidateCap)
        {
            events.RemoveRange(CandidateCap, events.Count - CandidateCap);
        }

        var validatorKey = Hashing.Of(string.Join("|", validators.Select(v => v.Name)));
        var candidates = new List<Candidate>(events.Count);
        foreach (var e in events)
        {
            var valid = Hashing.Unit(Hashing.Combine(e.Hash, profile.Key ^ validatorKey), 7) < 0.75;
            if (e.Links.Count > 0)
            {
                var link = e.Links[0];
                valid = link.Score >= request.EdScoreMin && (request.AssociationType is null || request.AssociationType == link.Association);
            }

            candidates.Add(new Candidate(e, valid));
        }

        return candidates;
    }

    /// <summary>
    /// A timestamp the service stamps, in the form this emulator's seed picks for <paramref name="field"/> (see
    /// <see cref="EmulatorOptions.VaryTimestampForms"/>): the real service is not uniform, so clients must accept
    /// whole seconds with Z, naive microseconds and +00:00 offsets alike.
    /// </summary>
    /// <param name="field">Names the field (e.g. "job.created_at"); the same field keeps its form for a seed.</param>
    /// <param name="value">The instant to print.</param>
    public string Stamp(string field, DateTimeOffset value)
    {
        if (!Options.VaryTimestampForms)
        {
            return Iso.Utc(value);
        }

        return (Hashing.Combine(unchecked((ulong)Options.Seed), field) % 3) switch
        {
            0 => Iso.Utc(value),
            1 => Iso.Naive(value),
            _ => Iso.Offset(value),
        };
    }

    public int ActiveJobCount(DateTimeOffset now) => Jobs.Values.Count(job => !job.Deleted && job.IsActive(now));

    /// <summary>Real seconds until the first running job finishes, for Retry-After.</summary>
    public int SecondsUntilASlotFrees(DateTimeOffset now)
    {
        var soonest = TimeSpan.MaxValue;
        foreach (var job in Jobs.Values)
        {
            if (job.Deleted || !job.IsActive(now))
            {
                continue;
            }

            var end = job.FailAt is DateTimeOffset failAt && failAt < job.StageEnd(4) ? failAt : job.StageEnd(4);
            var left = end - now;
            if (left < soonest)
            {
                soonest = left;
            }
        }

        if (soonest == TimeSpan.MaxValue)
        {
            return 1;
        }

        return Math.Max(1, (int)Math.Ceiling(Clock.ToProviderTime(soonest).TotalSeconds));
    }

    public string UserJobStatus(JobState job, DateTimeOffset now) => job.Evaluate(now).Status;

    public Guid? ProjectOf(string type, Guid id) => ProjectLinks.TryGetValue((type, id), out var link) ? link.ProjectId : null;

    public void Pump()
    {
        var now = Now;
        foreach (var monitor in Monitors.Values.ToList())
        {
            MonitorRunner.RunDue(this, monitor, now);
        }

        foreach (var job in Jobs.Values.ToList())
        {
            if (job.FailAt is null && job.AnnouncedFinish is null)
            {
                var late = Faults.LateJobFailure(job.Id.ToString());
                if (late is not null && job.IsActive(now))
                {
                    job.FailAt = job.DefaultFailurePoint > now ? job.DefaultFailurePoint : now;
                    job.Error = late;
                }
            }

            var snapshot = job.Evaluate(now);
            if (snapshot.FinishedAt is DateTimeOffset finished && finished != job.AnnouncedFinish)
            {
                job.AnnouncedFinish = finished;
                OnJobFinished(job, snapshot);
            }
        }
    }

    private void OnJobFinished(JobState job, JobSnapshot snapshot)
    {
        if (job.MonitorId is Guid monitorId)
        {
            if (Monitors.TryGetValue(monitorId, out var monitor))
            {
                MonitorRunner.Collect(this, monitor, job, snapshot);
            }

            return;
        }

        var payload = Views.JobPayload(this, job, snapshot);
        DeliverToResource("job", job.Id, payload, "all_records", new JsonObject { ["event"] = "job." + snapshot.Status, ["job_id"] = job.Id.ToString(), ["query"] = job.Query }, null);
    }

    /// <summary>Queues deliveries of <paramref name="payload"/> to every active webhook assigned to the resource.</summary>
    public int DeliverToResource(string resourceType, Guid resourceId, JsonObject payload, string recordsProperty, JsonObject additionalInfo, Action<DeliveryOutcome>? onDone)
    {
        var count = 0;
        foreach (var mapping in Mappings)
        {
            if (mapping.ResourceType != resourceType || mapping.ResourceId != resourceId)
            {
                continue;
            }

            if (!Webhooks.TryGetValue(mapping.WebhookId, out var webhook) || !webhook.IsActive)
            {
                continue;
            }

            Dispatcher?.Enqueue(new DeliveryJob(webhook.Target(), resourceType, resourceId, (JsonObject)payload.DeepClone(), recordsProperty, (JsonObject)additionalInfo.DeepClone(), onDone));
            count++;
        }

        return count;
    }

    public void RecordDelivery(WebhookTarget target, string resourceType, Guid resourceId, JsonObject info, int attempt, int statusCode, bool success, string? error, string? warning)
    {
        Deliveries.Add(new DeliveryRecord
        {
            Id = _nextDeliveryId++,
            WebhookId = target.Id,
            ResourceType = resourceType,
            ResourceId = resourceId,
            AdditionalInfo = (JsonObject)info.DeepClone(),
            StatusCode = statusCode,
            AttemptNumber = attempt,
            Timestamp = Now,
            Success = success,
            Error = error,
            Warning = warning,
        });
    }
}
