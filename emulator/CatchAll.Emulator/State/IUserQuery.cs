using System;

namespace CatchAll.Emulator.State;

/// <summary>
/// What a user creates from a query and finds again in a per-user list (a job or a monitor): listed newest first,
/// searched by its query, filtered by project.
/// </summary>
internal interface IUserQuery
{
    Guid Id { get; }

    string Query { get; }

    DateTimeOffset CreatedAt { get; }

    bool Deleted { get; }
}
