using System;

namespace CatchAll.Emulator.State;

internal sealed class ProjectState
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }
}

internal sealed record ProjectLink(Guid ProjectId, DateTimeOffset AddedAt);
