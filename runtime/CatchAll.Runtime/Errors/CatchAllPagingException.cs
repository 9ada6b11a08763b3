using CatchAll.Runtime;

namespace CatchAll;

/// <summary>
/// Paging stopped because the server's pages contradict themselves: a page identical to the one before it
/// (a server ignoring the page number would otherwise be paged forever), or items on a page beyond the
/// total page count that very page reports.
/// </summary>
public class CatchAllPagingException : CatchAllException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The paged operation.</param>
    /// <param name="message">What was inconsistent.</param>
    /// <param name="pageNumber">The 1-based number of the page that was refused.</param>
    public CatchAllPagingException(string operationId, string message, int pageNumber)
        : base(operationId, message)
    {
        PageNumber = pageNumber;
    }

    /// <summary>The 1-based number of the page that was refused.</summary>
    public int PageNumber { get; }
}
