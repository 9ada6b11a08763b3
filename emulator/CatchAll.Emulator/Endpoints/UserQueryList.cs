using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CatchAll.Emulator.Http;
using CatchAll.Emulator.State;

namespace CatchAll.Emulator.Endpoints;

/// <summary>
/// The per-user lists of jobs and of monitors: the same query parameters (page, page_size, search, ownership,
/// project_id), the same filters and order, one page in the usual envelope.
/// </summary>
internal static class UserQueryList
{
    /// <param name="call">The list request.</param>
    /// <param name="all">Every item of the kind, deleted ones included.</param>
    /// <param name="projectType">The item's kind as project links name it ("job", "monitor").</param>
    /// <param name="itemsName">The envelope's property for the page of items.</param>
    /// <param name="view">The JSON of one listed item.</param>
    public static Reply Page<T>(Call call, IEnumerable<T> all, string projectType, string itemsName, Func<T, JsonNode> view)
        where T : IUserQuery
    {
        var page = call.Query.Page();
        var pageSize = call.Query.PageSize();
        var search = call.Query.String("search");
        var ownership = call.Query.Enum("ownership", QueryArgs.Ownership, "all");
        var projectId = call.Query.Uuid("project_id");
        if (call.Errors.Any)
        {
            return Reply.Validation(call.Errors);
        }

        // Everything in the emulator belongs to the caller; nothing is shared with them.
        var items = all
            .Where(item => !item.Deleted && ownership != "shared")
            .Where(item => search is null || item.Query.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(item => projectId is null || call.State.ProjectOf(projectType, item.Id) == projectId)
            .OrderByDescending(item => item.CreatedAt)
            .ThenBy(item => item.Id)
            .ToList();
        return Reply.Ok(Paging.Envelope(items, page, pageSize, itemsName, view));
    }
}
