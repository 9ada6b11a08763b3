using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CatchAll.Emulator.Scheduling;

/// <summary>A parsed monitor schedule.</summary>
/// <param name="Cron">The cron expression the schedule becomes.</param>
/// <param name="HumanReadable">The schedule in plain words.</param>
/// <param name="TimeZoneOverride">A zone named in the schedule's text, which wins over the request's.</param>
/// <param name="WeekStride">
/// "every N weeks" runs on every N-th occurrence of its weekly cron, which cron alone cannot express.
/// </param>
internal sealed record ParsedSchedule(CronSchedule Cron, string HumanReadable, string? TimeZoneOverride, int WeekStride = 1)
{
    /// <summary>The shortest gap between runs, measured in UTC over the next occurrences after <paramref name="from"/>.</summary>
    public TimeSpan? ShortestInterval(DateTimeOffset from)
    {
        TimeSpan? shortest = null;
        var previous = Cron.Next(from, TimeZoneInfo.Utc);
        for (var i = 0; i < 64 && previous is DateTimeOffset last; i++)
        {
            var next = Cron.Next(last, TimeZoneInfo.Utc);
            if (next is not DateTimeOffset at)
            {
                break;
            }

            var gap = (at - last) * WeekStride;
            if (shortest is null || gap < shortest)
            {
                shortest = gap;
            }

            previous = at;
        }

        return shortest;
    }
}

/// <summary>
/// Turns the plain-English schedules monitors accept ("every day at 12 PM UTC", "every 6 hours",
/// "every monday at 9am EST") into cron. Raw five-field cron is accepted too.
/// </summary>
internal static partial class ScheduleParser
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utc"] = "UTC", ["gmt"] = "UTC",
        ["est"] = "America/New_York", ["edt"] = "America/New_York", ["et"] = "America/New_York",
        ["cst"] = "America/Chicago", ["cdt"] = "America/Chicago", ["ct"] = "America/Chicago",
        ["mst"] = "America/Denver", ["mdt"] = "America/Denver",
        ["pst"] = "America/Los_Angeles", ["pdt"] = "America/Los_Angeles", ["pt"] = "America/Los_Angeles",
        ["cet"] = "Europe/Berlin", ["cest"] = "Europe/Berlin", ["bst"] = "Europe/London",
        ["ist"] = "Asia/Kolkata", ["jst"] = "Asia/Tokyo", ["aest"] = "Australia/Sydney",
    };

    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public static bool TryParse(string text, out ParsedSchedule schedule)
    {
        schedule = null!;
        var s = text.Trim().ToLowerInvariant();
        if (s.Length == 0)
        {
            return false;
        }

        if (RawCron().IsMatch(s) && CronSchedule.TryParse(s, out var raw))
        {
            schedule = new ParsedSchedule(raw, "Cron schedule: " + s, null);
            return true;
        }

        string? zone = null;
        var zoneMatch = ZoneWord().Match(s);
        if (zoneMatch.Success)
        {
            zone = Zones[zoneMatch.Groups[1].Value];
            s = s.Remove(zoneMatch.Index, zoneMatch.Length);
        }

        var hour = 0;
        var minute = 0;
        var hasTime = false;
        var time = TimeOfDay().Match(s);
        if (time.Success)
        {
            hour = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture);
            minute = time.Groups["m"].Success ? int.Parse(time.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var ampm = time.Groups["ap"].Value.Replace(".", string.Empty, StringComparison.Ordinal);
            if (ampm == "pm" && hour < 12)
            {
                hour += 12;
            }
            else if (ampm == "am" && hour == 12)
            {
                hour = 0;
            }

            if (hour > 23 || minute > 59)
            {
                return false;
            }

            hasTime = true;
        }
        else if (s.Contains("noon", StringComparison.Ordinal) || s.Contains("midday", StringComparison.Ordinal))
        {
            hour = 12;
            hasTime = true;
        }
        else if (s.Contains("midnight", StringComparison.Ordinal))
        {
            hasTime = true;
        }
        else if (s.Contains("morning", StringComparison.Ordinal))
        {
            hour = 9;
            hasTime = true;
        }
        else if (s.Contains("evening", StringComparison.Ordinal))
        {
            hour = 18;
            hasTime = true;
        }

        var at = Clock(hour, minute);
        string cron;
        string human;
        var stride = 1;
        var every = EveryN().Match(s);
        if (every.Success)
        {
            var n = int.Parse(every.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = every.Groups["u"].Value;
            if (n <= 0)
            {
                return false;
            }

            if (unit.StartsWith("min", StringComparison.Ordinal))
            {
                if (n > 59)
                {
                    return false;
                }

                cron = n == 1 ? "* * * * *" : $"*/{n} * * * *";
                human = n == 1 ? "Every minute" : $"Every {n} minutes";
            }
            else if (unit.StartsWith("hour", StringComparison.Ordinal))
            {
                if (n > 23)
                {
                    return false;
                }

                cron = n == 1 ? $"{minute} * * * *" : $"{minute} */{n} * * *";
                human = n == 1 ? "Every hour" : $"Every {n} hours";
            }
            else if (unit.StartsWith("day", StringComparison.Ordinal))
            {
                cron = n == 1 ? $"{minute} {hour} * * *" : $"{minute} {hour} */{n} * *";
                human = (n == 1 ? "Every day" : $"Every {n} days") + " at " + at;
            }
            else
            {
                cron = $"{minute} {hour} * * 1";
                human = (n == 1 ? "Every week" : $"Every {n} weeks") + " on Monday at " + at;
                stride = n;
            }
        }
        else if (Regex.IsMatch(s, @"\bevery minute\b"))
        {
            cron = "* * * * *";
            human = "Every minute";
        }
        else if (Regex.IsMatch(s, @"\b(every hour|hourly)\b"))
        {
            cron = $"{minute} * * * *";
            human = "Every hour";
        }
        else if (Regex.IsMatch(s, @"\b(weekday|weekdays|business day|business days)\b"))
        {
            cron = $"{minute} {hour} * * 1-5";
            human = "Every weekday at " + at;
        }
        else if (WeekdayIndex(s) is int dow)
        {
            cron = $"{minute} {hour} * * {dow}";
            human = $"Every {CronSchedule.WeekdayNames[dow]} at {at}";
        }
        else if (Regex.IsMatch(s, @"\b(every week|weekly)\b"))
        {
            cron = $"{minute} {hour} * * 1";
            human = "Every Monday at " + at;
        }
        else if (Regex.IsMatch(s, @"\b(every month|monthly)\b"))
        {
            var day = DayOfMonth().Match(s);
            var d = day.Success ? int.Parse(day.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
            if (d is < 1 or > 31)
            {
                return false;
            }

            cron = $"{minute} {hour} {d} * *";
            human = $"Every month on day {d} at {at}";
        }
        else if (Regex.IsMatch(s, @"\b(every day|daily|each day|everyday|every morning|every evening|every night|nightly)\b") || hasTime)
        {
            cron = $"{minute} {hour} * * *";
            human = "Every day at " + at;
        }
        else
        {
            return false;
        }

        if (!CronSchedule.TryParse(cron, out var parsed))
        {
            return false;
        }

        schedule = new ParsedSchedule(parsed, human, zone, stride);
        return true;
    }

    public static TimeZoneInfo ResolveZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        if (Zones.TryGetValue(id.Trim(), out var mapped))
        {
            id = mapped;
        }

        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    public static bool IsKnownZone(string id)
    {
        if (Zones.ContainsKey(id.Trim()) || string.Equals(id.Trim(), "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static string Clock(int hour, int minute)
    {
        var h12 = hour % 12 == 0 ? 12 : hour % 12;
        return string.Create(CultureInfo.InvariantCulture, $"{h12}:{minute:00} {(hour < 12 ? "AM" : "PM")}");
    }

    private static int? WeekdayIndex(string s)
    {
        for (var i = 0; i < Weekdays.Length; i++)
        {
            if (Regex.IsMatch(s, $@"\b{Weekdays[i]}s?\b") || Regex.IsMatch(s, $@"\b{Weekdays[i][..3]}\b"))
            {
                return i;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[\d*/,\-]+(\s+[\d*/,\-]+){4}$", RegexOptions.CultureInvariant)]
    private static partial Regex RawCron();

    [GeneratedRegex(@"\b(utc|gmt|est|edt|et|cst|cdt|ct|mst|mdt|pst|pdt|pt|cet|cest|bst|ist|jst|aest)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneWord();

    [GeneratedRegex(@"\b(?:at\s+)?(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>a\.?m\.?|p\.?m\.?)(?=\W|$)|\bat\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\bevery\s+(?<n>\d+)\s*(?<u>minutes?|mins?|hours?|hrs?|days?|weeks?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EveryN();

    [GeneratedRegex(@"\b(?:on\s+)?(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayOfMonth();
}
