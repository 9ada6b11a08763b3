using System;
using Microsoft.Extensions.Logging;

namespace CatchAll.Emulator;

/// <summary>Settings for a <see cref="CatchAllEmulator"/> instance.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The plan's advertised concurrency limit, the default of <see cref="ConcurrencyLimit"/>.</summary>
    public const int DefaultConcurrencyLimit = 20;

    /// <summary>The key clients must send in <c>x-api-key</c>. A random key is generated when null.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long the emulator takes compared with the real service: every duration of the API's clock
    /// (job stages, entity enrichment, monitor schedules) lasts <c>duration × TimeScale</c> on the
    /// <see cref="TimeProvider"/>. The default, 1/120, turns a 13-minute job into about 6.5 seconds.
    /// Use 1 with a fake <see cref="TimeProvider"/> to drive the API clock step by step.
    /// </summary>
    public double TimeScale { get; set; } = 1.0 / 120;

    /// <summary>Nominal length of each job stage on the API's clock (before <see cref="TimeScale"/>).</summary>
    public JobStageDurations StageDurations { get; set; } = new();

    /// <summary>Relative random spread applied per job to the stage durations (0.15 = ±15%). Set 0 for exact timings.</summary>
    public double StageJitter { get; set; } = 0.15;

    /// <summary>Nominal time an entity stays <c>pending</c> before enrichment starts (API clock).</summary>
    public TimeSpan EntityPendingDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Nominal time an entity spends <c>enriching</c> before it becomes <c>ready</c> (API clock).</summary>
    public TimeSpan EntityEnrichingDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Maximum number of jobs processing at once; the default is the plan's advertised 20. Beyond it, submitting,
    /// continuing, creating or enabling a monitor is answered with 429 and a <c>Retry-After</c> header, so client
    /// code meets rate limiting in tests as it will in production. Null means no limit.
    /// </summary>
    public int? ConcurrencyLimit { get; set; } = DefaultConcurrencyLimit;

    /// <summary>
    /// Shortest interval a monitor's schedule may have. The vendor's monitor guide sets 24 hours (schedules more
    /// often than daily are refused with 400); tests that want a monitor to run every minute set
    /// <see cref="TimeSpan.Zero"/>.
    /// </summary>
    public TimeSpan MinimumScheduleInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How a monitor that cannot be created is answered. False (the default) follows the service's newer
    /// behaviour: 404 for an unknown reference job, webhook or project, 400 for a reference job that cannot be used
    /// or a schedule below <see cref="MinimumScheduleInterval"/>. True answers as the 1.6.1 contract documents:
    /// 200 with <c>monitor_id: null</c> and the reason in <c>status</c>.
    /// </summary>
    public bool MonitorCreationFailuresAsStatus { get; set; }

    /// <summary>
    /// Varies the form of the timestamps the emulator stamps (<c>created_at</c>, run times, and so on) among those
    /// the real service sends: whole seconds with <c>Z</c>, naive microsecond timestamps, and <c>+00:00</c>
    /// offsets. Which field gets which form depends on <see cref="Seed"/> only, so a run is reproducible. False
    /// prints every such timestamp as whole seconds with <c>Z</c>.
    /// </summary>
    public bool VaryTimestampForms { get; set; } = true;

    /// <summary>
    /// Share (0 to 1) of the values of caller-defined enrichments that come irregular, as extraction output does:
    /// another form of the declared type (a number as a numeric string such as <c>"1250000"</c>, a date as
    /// <c>2026-03-02T00:00:00Z</c>, <c>March 2, 2026</c> or <c>2026-03</c>, an option off the list, a URL without
    /// its scheme), a missing key, an explicit null, or a value of the wrong JSON type. The default, 0.1, is
    /// mostly clean data with every case present in a job of a few dozen records; 0 sends clean data only, 1 makes
    /// every value irregular. Which value is irregular depends on <see cref="Seed"/> only. Jobs whose enrichments
    /// the emulator suggested are not affected.
    /// </summary>
    public double EnrichmentIrregularity { get; set; } = DefaultEnrichmentIrregularity;

    /// <summary>The default of <see cref="EnrichmentIrregularity"/>: one value in ten.</summary>
    public const double DefaultEnrichmentIrregularity = 0.1;

    /// <summary>Clock the emulator reads. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Logger factory for the web host. When null the emulator logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Seed for the synthetic event timeline and for generated identifiers.</summary>
    public int Seed { get; set; } = 1606;

    /// <summary>How many synthetic events each topic produces per day of the API's clock.</summary>
    public int EventsPerTopicPerDay { get; set; } = 12;

    /// <summary>
    /// How long a webhook receiver has to answer a delivery before the attempt counts as failed (and is retried
    /// like a 5xx). Real time, not the API clock. Defaults to the service's documented 5 seconds.
    /// </summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Address to listen on. Defaults to <c>http://127.0.0.1:0</c> (a free loopback port).</summary>
    public string? Urls { get; set; }
}
