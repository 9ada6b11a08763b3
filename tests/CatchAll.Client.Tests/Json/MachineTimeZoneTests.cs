using System;
using CatchAll.Client.Tests.Support;
using CatchAll.Models;
using Xunit;

namespace CatchAll.Client.Tests.Json;

[CollectionDefinition(nameof(MachineTimeZone), DisableParallelization = true)]
public sealed class MachineTimeZone
{
}

/// <summary>
/// Offset-less timestamps are "server time"; reading them in the client machine's zone would make the same
/// payload mean different instants on different machines. Switches the process zone, so it runs alone.
/// </summary>
[Collection(nameof(MachineTimeZone))]
public sealed class MachineTimeZoneTests
{
    [SkippableFact]
    public void Offset_less_timestamps_do_not_depend_on_the_machine_zone()
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", "Asia/Kolkata");
            TimeZoneInfo.ClearCachedData();
            Skip.If(TimeZoneInfo.Local.BaseUtcOffset == TimeSpan.Zero, "This platform does not let the test switch the process time zone.");

            var citation = Generated.Read<Citation>("""{"title":"t","link":"https://x.example/a","published_date":"2025-01-01T10:00:00"}""");

            Assert.Equal(new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero), citation.PublishedDate);
            Assert.Equal(TimeSpan.Zero, citation.PublishedDate.Offset);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
