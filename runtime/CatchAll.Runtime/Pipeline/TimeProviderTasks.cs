using System;
using System.Threading;
using System.Threading.Tasks;

namespace CatchAll.Runtime;

/// <summary>
/// Every wait in the runtime goes through a <see cref="TimeProvider"/>, so a fake clock drives timeouts,
/// retry delays and polling intervals in tests.
/// </summary>
internal static class TimeProviderTasks
{
    public static Task Delay(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return timeProvider.Delay(delay, cancellationToken);
#endif
    }

    public static CancellationTokenSource CancelAfter(TimeProvider timeProvider, TimeSpan delay)
    {
#if NET8_0_OR_GREATER
        return new CancellationTokenSource(delay, timeProvider);
#else
        return timeProvider.CreateCancellationTokenSource(delay);
#endif
    }
}
