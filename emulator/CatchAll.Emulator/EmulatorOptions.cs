using System;
using Microsoft.Extensions.Logging;

namespace CatchAll.Emulator;

/// <summary>Settings for a <see cref="CatchAllEmulator"/> instance.</summary>
public sealed class EmulatorOptions
{
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
    /// Maximum number of jobs processing at once. Submissions beyond it are answered with 429 and a
    /// <c>Retry-After</c> header. Null means no limit.
    /// </summary>
    public int? ConcurrencyLimit { get; set; }

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
