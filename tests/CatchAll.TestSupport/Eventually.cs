using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace CatchAll.TestSupport;

/// <summary>
/// Waits (in real time, generously bounded) for something another thread will do. The bound only stops a
/// broken test from hanging; no test asserts how long anything took.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <exception cref="TimeoutException">The condition did not hold within <see cref="Bound"/>.</exception>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Bound)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Awaits a task that must finish by itself (no fake time is advanced meanwhile).</summary>
    public static async Task<T> Completes<T>(Task<T> task) => await task.WaitAsync(Bound);

    public static async Task Completes(Task task) => await task.WaitAsync(Bound);
}
