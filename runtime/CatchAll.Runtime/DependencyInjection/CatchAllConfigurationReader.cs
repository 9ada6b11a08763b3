using System;
using System.Globalization;
using CatchAll;
using CatchAll.Runtime;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="CatchAllClientOptions"/> from configuration key by key. The reflection-based binder
/// is neither trim- nor AOT-safe, and a hand-written reader also gives error messages that name the key.
/// </summary>
internal static class CatchAllConfigurationReader
{
    public static void Apply(IConfiguration configuration, CatchAllClientOptions options)
    {
        var apiKey = configuration["ApiKey"];
        if (apiKey is not null)
        {
            options.ApiKey = apiKey.Length == 0 ? null : apiKey;
        }

        Read(configuration, "BaseAddress", value => options.BaseAddress = ParseUri(value));
        Read(configuration, "Timeout", value => options.Timeout = ParseTimeSpan(value));
        Read(configuration, "UserAgent", value => options.UserAgent = value);
        Read(configuration, "MaxResponseBodySize", value => options.MaxResponseBodySize = ParseLong(value));
        Read(configuration, "MaxErrorBodySize", value => options.MaxErrorBodySize = ParseInt(value));

        IConfiguration retry = configuration.GetSection("Retry");
        Read(retry, "MaxAttempts", value => options.Retry.MaxAttempts = ParseInt(value));
        Read(retry, "BaseDelay", value => options.Retry.BaseDelay = ParseTimeSpan(value));
        Read(retry, "MaxDelay", value => options.Retry.MaxDelay = ParseTimeSpan(value));
        Read(retry, "MaxRetryAfter", value => options.Retry.MaxRetryAfter = ParseTimeSpan(value));
        Read(retry, "RetryNonIdempotent", value => options.Retry.RetryNonIdempotent = ParseBool(value));
    }

    private static void Read(IConfiguration configuration, string key, Action<string> apply)
    {
        var section = configuration.GetSection(key);
        var value = section.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        try
        {
            apply(value!.Trim());
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // Only non-secret keys come through here, so echoing the value helps and leaks nothing.
            throw new InvalidOperationException($"Configuration value '{section.Path}' = '{value}' is not valid: {ex.Message}", ex);
        }
    }

    private static Uri ParseUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new FormatException("Expected an absolute URI such as https://host/.");

    private static TimeSpan ParseTimeSpan(string value)
    {
        if (string.Equals(value, "Infinite", StringComparison.OrdinalIgnoreCase))
        {
            return System.Threading.Timeout.InfiniteTimeSpan;
        }

        // A bare number parses as days ("30" = 30 days), which nobody means for a timeout: insist on hh:mm:ss.
        if (value.IndexOf(':') < 0 || !TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var result))
        {
            throw new FormatException("Expected a time span such as 00:00:30 (hh:mm:ss) or 'Infinite'.");
        }

        return result;
    }

    private static int ParseInt(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new FormatException("Expected a whole number.");

    private static long ParseLong(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new FormatException("Expected a whole number.");

    private static bool ParseBool(string value) =>
        bool.TryParse(value, out var result)
            ? result
            : throw new FormatException("Expected true or false.");
}
