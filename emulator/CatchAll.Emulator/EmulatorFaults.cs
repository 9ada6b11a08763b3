using System;
using System.Collections.Generic;

namespace CatchAll.Emulator;

/// <summary>
/// Fault injection for tests: failed jobs, slow responses and server errors. All members are thread-safe
/// and take effect on the next request.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<RequestFault> _requestFaults = [];
    private readonly Dictionary<string, string> _failingJobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, string>> _failingMarkers = [];
    private readonly Queue<string> _failNextJobs = new();
    private int _failNextDatasets;
    private TimeSpan _latency;
    private string? _latencyPath;

    /// <summary>Makes the next submitted job fail during fetching.</summary>
    /// <param name="error">The error message reported by the job.</param>
    public void FailNextJob(string error = "Job failed: injected fault")
    {
        lock (_gate)
        {
            _failNextJobs.Enqueue(error);
        }
    }

    /// <summary>Makes an existing or future job fail: during fetching, or right away if it is already further.</summary>
    /// <param name="jobId">The job to fail.</param>
    /// <param name="error">The error message reported by the job.</param>
    public void FailJob(string jobId, string error = "Job failed: injected fault")
    {
        ArgumentNullException.ThrowIfNull(jobId);
        lock (_gate)
        {
            _failingJobs[jobId] = error;
        }

        // Apply it at the current API time, not whenever the next request happens to arrive.
        JobFailureRequested?.Invoke();
    }

    /// <summary>Makes every job whose query contains <paramref name="marker"/> (case-insensitive) fail.</summary>
    /// <param name="marker">Text to look for in the query.</param>
    /// <param name="error">The error message reported by such jobs.</param>
    public void FailJobsWhoseQueryContains(string marker, string error = "Job failed: injected fault")
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        lock (_gate)
        {
            _failingMarkers.Add(new KeyValuePair<string, string>(marker, error));
        }
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> created datasets end in <c>failed</c> instead of <c>ready</c>,
    /// whenever their enrichment finishes (also after entities are added later).
    /// </summary>
    /// <param name="count">How many datasets to fail.</param>
    public void FailNextDatasets(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _failNextDatasets += count;
        }
    }

    /// <summary>Delays every response (or those under <paramref name="pathPrefix"/>) by <paramref name="delay"/> of real time.</summary>
    /// <param name="delay">The delay; <see cref="TimeSpan.Zero"/> turns it off.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this, or all when null.</param>
    public void SetLatency(TimeSpan delay, string? pathPrefix = null)
    {
        lock (_gate)
        {
            _latency = delay;
            _latencyPath = pathPrefix;
        }
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> and a
    /// <c>{"detail": ...}</c> body instead of handling them.
    /// </summary>
    /// <param name="count">How many requests to fail.</param>
    /// <param name="statusCode">Status to answer with (typically 500, 502, 503 or 504).</param>
    /// <param name="pathPrefix">Only requests whose path starts with this, or all when null.</param>
    /// <param name="method">Only requests with this HTTP method, or all when null.</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header (whole seconds) is added.</param>
    public void FailNextRequests(int count, int statusCode = 503, string? pathPrefix = null, string? method = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        lock (_gate)
        {
            _requestFaults.Add(new RequestFault(count, statusCode, pathPrefix, method, retryAfter));
        }
    }

    /// <summary>Number of injected request failures not yet used.</summary>
    public int PendingRequestFailures
    {
        get
        {
            lock (_gate)
            {
                var total = 0;
                foreach (var fault in _requestFaults)
                {
                    total += fault.Remaining;
                }

                return total;
            }
        }
    }

    /// <summary>Removes every injected fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requestFaults.Clear();
            _failingJobs.Clear();
            _failingMarkers.Clear();
            _failNextJobs.Clear();
            _failNextDatasets = 0;
            _latency = TimeSpan.Zero;
            _latencyPath = null;
        }
    }

    internal Action? JobFailureRequested { get; set; }

    internal bool TakeDatasetFailure()
    {
        lock (_gate)
        {
            if (_failNextDatasets == 0)
            {
                return false;
            }

            _failNextDatasets--;
            return true;
        }
    }

    internal TimeSpan LatencyFor(string path)
    {
        lock (_gate)
        {
            if (_latency <= TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            return _latencyPath is null || path.StartsWith(_latencyPath, StringComparison.OrdinalIgnoreCase) ? _latency : TimeSpan.Zero;
        }
    }

    internal bool TryTakeRequestFault(string method, string path, out int statusCode, out TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            for (var i = 0; i < _requestFaults.Count; i++)
            {
                var fault = _requestFaults[i];
                if (fault.Path is not null && !path.StartsWith(fault.Path, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (fault.Method is not null && !string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                fault.Remaining--;
                if (fault.Remaining <= 0)
                {
                    _requestFaults.RemoveAt(i);
                }

                statusCode = fault.StatusCode;
                retryAfter = fault.RetryAfter;
                return true;
            }
        }

        statusCode = 0;
        retryAfter = null;
        return false;
    }

    /// <summary>Decides at submission whether a new job must fail; returns the error message or null.</summary>
    internal string? TakeJobFailure(string jobId, string query)
    {
        lock (_gate)
        {
            if (_failingJobs.TryGetValue(jobId, out var byId))
            {
                return byId;
            }

            foreach (var marker in _failingMarkers)
            {
                if (query.Contains(marker.Key, StringComparison.OrdinalIgnoreCase))
                {
                    return marker.Value;
                }
            }

            return _failNextJobs.Count > 0 ? _failNextJobs.Dequeue() : null;
        }
    }

    /// <summary>A job asked to fail after it was submitted.</summary>
    internal string? LateJobFailure(string jobId)
    {
        lock (_gate)
        {
            return _failingJobs.TryGetValue(jobId, out var error) ? error : null;
        }
    }

    private sealed class RequestFault(int count, int statusCode, string? path, string? method, TimeSpan? retryAfter)
    {
        public int Remaining { get; set; } = count;

        public int StatusCode { get; } = statusCode;

        public string? Path { get; } = path;

        public string? Method { get; } = method;

        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
