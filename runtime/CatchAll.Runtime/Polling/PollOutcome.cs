namespace CatchAll.Runtime;

/// <summary>What one poll result means for the wait.</summary>
public enum PollOutcome
{
    /// <summary>Still running: wait and poll again.</summary>
    Continue,

    /// <summary>Finished successfully: stop and return the result.</summary>
    Succeeded,

    /// <summary>Finished unsuccessfully: stop and throw.</summary>
    Failed,
}
