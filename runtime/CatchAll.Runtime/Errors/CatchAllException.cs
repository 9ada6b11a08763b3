using System;

namespace CatchAll;

/// <summary>Base of every exception the CatchAll runtime and generated clients throw.</summary>
/// <remarks>Catch this to handle any CatchAll failure; catch a subclass to handle one kind.</remarks>
public class CatchAllException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The contract operation that failed.</param>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CatchAllException(string operationId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
    }

    /// <summary>The contract operation id (e.g. <c>createJob</c>) of the call that failed.</summary>
    public string OperationId { get; }
}
