using System;
using System.Collections.Generic;
using System.Globalization;

namespace CatchAll.Emulator.Scheduling;

/// <summary>A five-field cron expression (minute hour day-of-month month day-of-week) evaluated in a time zone.</summary>
internal sealed class CronSchedule
{
    private readonly bool[] _minutes = new bool[60];
    private readonly bool[] _hours = new bool[24];
    private readonly bool[] _days = new bool[32];
    private readonly bool[] _months = new bool[13];
    private readonly bool[] _weekdays = new bool[7];
    private bool _anyDay;
    private bool _anyWeekday;

    private CronSchedule(string expression) => Expression = expression;

    public string Expression { get; }

    public static bool TryParse(string expression, out CronSchedule schedule)
    {
        schedule = new CronSchedule(expression.Trim());
        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return false;
        }

        schedule._anyDay = parts[2] == "*";
        schedule._anyWeekday = parts[4] == "*";
        return Fill(parts[0], schedule._minutes, 0, 59)
            && Fill(parts[1], schedule._hours, 0, 23)
            && Fill(parts[2], schedule._days, 1, 31)
            && Fill(parts[3], schedule._months, 1, 12)
            && Fill(parts[4].Replace('7', '0'), schedule._weekdays, 0, 6);
    }

    /// <summary>First occurrence strictly after <paramref name="after"/>, or null if none within two years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var limit = t.AddYears(2);
        while (t < limit)
        {
            if (!_months[t.Month])
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
                continue;
            }

            if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }

            if (!_hours[t.Hour])
            {
                t = t.Date.AddHours(t.Hour + 1);
                continue;
            }

            if (!_minutes[t.Minute])
            {
                t = t.AddMinutes(1);
                continue;
            }

            if (zone.IsInvalidTime(t))
            {
                t = t.AddMinutes(1);
                continue;
            }

            var result = new DateTimeOffset(t, zone.GetUtcOffset(t)).ToUniversalTime();
            if (result > after)
            {
                return result;
            }

            t = t.AddMinutes(1);
        }

        return null;
    }

    /// <summary>Last occurrence strictly before <paramref name="before"/>, or null if none within two years.</summary>
    public DateTimeOffset? Previous(DateTimeOffset before, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(before, zone).DateTime;
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        if (t >= local)
        {
            t = t.AddMinutes(-1);
        }

        var limit = t.AddYears(-2);
        while (t > limit)
        {
            if (!_months[t.Month] || !DayMatches(t))
            {
                t = t.Date.AddMinutes(-1);
                continue;
            }

            if (!_hours[t.Hour])
            {
                t = t.Date.AddHours(t.Hour).AddMinutes(-1);
                continue;
            }

            if (_minutes[t.Minute] && !zone.IsInvalidTime(t))
            {
                var result = new DateTimeOffset(t, zone.GetUtcOffset(t)).ToUniversalTime();
                if (result < before)
                {
                    return result;
                }
            }

            t = t.AddMinutes(-1);
        }

        return null;
    }

    private bool DayMatches(DateTime t)
    {
        var dom = _days[t.Day];
        var dow = _weekdays[(int)t.DayOfWeek];
        if (_anyDay && _anyWeekday)
        {
            return true;
        }

        if (_anyDay)
        {
            return dow;
        }

        if (_anyWeekday)
        {
            return dom;
        }

        // Standard cron: when both are restricted, either may match.
        return dom || dow;
    }

    private static bool Fill(string field, bool[] slots, int min, int max)
    {
        foreach (var part in field.Split(','))
        {
            var step = 1;
            var range = part;
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step <= 0)
                {
                    return false;
                }

                range = part[..slash];
            }

            int lo;
            int hi;
            if (range == "*")
            {
                lo = min;
                hi = max;
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0)
                {
                    if (!int.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out lo) || !int.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out hi))
                    {
                        return false;
                    }
                }
                else
                {
                    if (!int.TryParse(range, NumberStyles.None, CultureInfo.InvariantCulture, out lo))
                    {
                        return false;
                    }

                    hi = slash >= 0 ? max : lo;
                }
            }

            if (lo < min || hi > max || lo > hi)
            {
                return false;
            }

            for (var i = lo; i <= hi; i += step)
            {
                slots[i] = true;
            }
        }

        return true;
    }

    public override string ToString() => Expression;

    internal static IReadOnlyList<string> WeekdayNames { get; } = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
}
