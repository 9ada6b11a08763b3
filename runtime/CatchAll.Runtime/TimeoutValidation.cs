using System;
using System.Threading;

namespace CatchAll.Runtime;

internal static class TimeoutValidation
{
    // CancellationTokenSource and timers reject anything above this many milliseconds.
    private static readonly TimeSpan Largest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static TimeSpan Validate(TimeSpan value, string paramName)
    {
        if (value == Timeout.InfiniteTimeSpan || (value > TimeSpan.Zero && value <= Largest))
        {
            return value;
        }

        throw new ArgumentOutOfRangeException(paramName, value, "A timeout must be positive (at most about 49 days) or Timeout.InfiniteTimeSpan.");
    }
}
