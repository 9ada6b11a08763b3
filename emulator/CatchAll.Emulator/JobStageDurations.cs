using System;

namespace CatchAll.Emulator;

/// <summary>
/// Nominal length of each processing stage of a job on the API's clock. The defaults add up to
/// 13 minutes, in line with the 10–15 minutes the real service documents.
/// </summary>
public sealed class JobStageDurations
{
    /// <summary>Time spent queued in <c>submitted</c>.</summary>
    public TimeSpan Submitted { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time spent in <c>analyzing</c>.</summary>
    public TimeSpan Analyzing { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time spent in <c>fetching</c>.</summary>
    public TimeSpan Fetching { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>Time spent in <c>clustering</c>.</summary>
    public TimeSpan Clustering { get; set; } = TimeSpan.FromMinutes(2.5);

    /// <summary>Time spent in <c>enriching</c> (records become visible progressively during it).</summary>
    public TimeSpan Enriching { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>Sum of all stages.</summary>
    public TimeSpan Total => Submitted + Analyzing + Fetching + Clustering + Enriching;

    internal TimeSpan[] ToArray() => [Submitted, Analyzing, Fetching, Clustering, Enriching];
}
