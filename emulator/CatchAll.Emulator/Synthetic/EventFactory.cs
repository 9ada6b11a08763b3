using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CatchAll.Emulator.Synthetic;

/// <summary>
/// An endless, deterministic timeline of invented events. Each topic produces events at a steady
/// rate; event <c>n</c> of a topic always has the same id and facts for a given seed, so overlapping
/// windows (monitor runs) see the same records again. Details a query names (sector, country,
/// funding round) are written into the events that match it.
/// </summary>
internal sealed class EventFactory(int seed, int eventsPerTopicPerDay)
{
    private const int EventsPerEntityPerDay = 3;
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Rounds = ["Pre-seed", "Seed", "Seed", "Series A", "Series A", "Series B", "Series B", "Series C", "Series D"];
    private readonly ulong _seed = Hashing.Mix((ulong)(uint)seed);
    private readonly TimeSpan _interval = TimeSpan.FromTicks(TimeSpan.TicksPerDay / Math.Max(1, eventsPerTopicPerDay));

    /// <summary>Events of <paramref name="topic"/> published in [start, end), newest first.</summary>
    public List<SyntheticEvent> Window(Topic topic, DateTimeOffset start, DateTimeOffset end, QueryProfile profile)
    {
        var result = new List<SyntheticEvent>();
        var topicHash = Hashing.Combine(_seed, topic.Key);
        foreach (var (n, at) in Slots(topicHash, _interval, start, end))
        {
            result.Add(Create(Hashing.Combine(topicHash, n), topic, at, profile, subject: null));
        }

        result.Reverse();
        return result;
    }

    /// <summary>Events about one watchlist entity in [start, end), newest first.</summary>
    public List<SyntheticEvent> EntityWindow(WatchlistEntity entity, IReadOnlyList<Topic> topics, DateTimeOffset start, DateTimeOffset end, QueryProfile profile)
    {
        var result = new List<SyntheticEvent>();
        var entityHash = Hashing.Combine(_seed, "entity:" + entity.Id.ToString("N"));
        var interval = TimeSpan.FromTicks(TimeSpan.TicksPerDay / EventsPerEntityPerDay);
        foreach (var (n, at) in Slots(entityHash, interval, start, end))
        {
            var hash = Hashing.Combine(entityHash, n);
            var topic = Hashing.Pick(hash, 90, topics.Count == 0 ? Topic.All : ToArray(topics));
            var direct = Hashing.Unit(hash, 91) < 0.7;
            var self = new CompanyRef(entity.Name, entity.Domain, entity.Domain is null ? null : "high");
            var evt = Create(hash, topic, at, profile, direct ? self : null);
            var score = direct ? (int)Hashing.Range(hash, 92, 6, 10) : (int)Hashing.Range(hash, 92, 1, 4);
            var relation = direct
                ? Clip($"{entity.Name} is the main subject of {topic.Noun}")
                : Clip($"{entity.Name} is mentioned alongside {evt.Subject.Name}");
            var link = new WatchlistLink(entity.Id, entity.Name, entity.EntityType, score, relation, direct ? "event_associated" : "mention", entity.Attributes);
            result.Add(WithLinks(evt, [link]));
        }

        result.Reverse();
        return result;
    }

    private static IEnumerable<(long N, DateTimeOffset At)> Slots(ulong streamHash, TimeSpan interval, DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            yield break;
        }

        var first = (long)Math.Floor((start - Epoch).Ticks / (double)interval.Ticks);
        var last = (long)Math.Floor((end - Epoch).Ticks / (double)interval.Ticks);
        for (var n = first; n <= last; n++)
        {
            var offset = Hashing.Unit(Hashing.Combine(streamHash, n), 0);
            var at = Epoch + TimeSpan.FromTicks(n * interval.Ticks + (long)(offset * interval.Ticks));
            at = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            if (at >= start && at < end)
            {
                yield return (n, at);
            }
        }
    }

    private static SyntheticEvent WithLinks(SyntheticEvent e, IReadOnlyList<WatchlistLink> links) => new()
    {
        Hash = e.Hash, RecordId = e.RecordId, Topic = e.Topic, PublishedAt = e.PublishedAt, EventDate = e.EventDate,
        Subject = e.Subject, Counterparty = e.Counterparty, Person = e.Person, Role = e.Role, Amount = e.Amount,
        SecondaryAmount = e.SecondaryAmount, Currency = e.Currency, Round = e.Round, Headcount = e.Headcount,
        Percent = e.Percent, Product = e.Product, ProductCategory = e.ProductCategory, Country = e.Country,
        City = e.City, Sector = e.Sector, Issue = e.Issue, Regulator = e.Regulator, Exchange = e.Exchange,
        Facility = e.Facility, Reason = e.Reason, Area = e.Area, Title = e.Title, Summary = e.Summary,
        Citations = e.Citations, Links = links,
    };

    private static SyntheticEvent Create(ulong h, Topic topic, DateTimeOffset publishedAt, QueryProfile profile, CompanyRef? subject)
    {
        subject ??= Company(h, 1);
        var place = Hashing.Pick(h, 3, WordLists.Places);
        var country = profile.Country ?? place.Country;
        if (profile.Country is not null)
        {
            foreach (var candidate in WordLists.Places)
            {
                if (candidate.Country == profile.Country)
                {
                    place = candidate;
                }
            }
        }

        var city = Hashing.Pick(h, 4, place.Cities);
        var sector = profile.Sector ?? Hashing.Pick(h, 5, WordLists.Sectors);
        var round = topic == Topic.Funding ? profile.Round ?? Hashing.Pick(h, 6, Rounds) : string.Empty;
        var currency = Hashing.Pick(h, 7, WordLists.Currencies);
        var counterparty = topic.Key switch
        {
            "funding" => new CompanyRef(Hashing.Pick(h, 8, WordLists.InvestorStems) + " " + Hashing.Pick(h, 9, WordLists.InvestorSuffixes), Hashing.Unit(h, 10) < 0.6 ? Domain(Hashing.Pick(h, 8, WordLists.InvestorStems) + Hashing.Pick(h, 9, WordLists.InvestorSuffixes), "example") : null, null),
            "acquisition" => Holding(h),
            "regulatory_fine" => new CompanyRef(Hashing.Pick(h, 11, WordLists.Regulators), null, null),
            _ => Company(h, 12),
        };
        if (counterparty.Domain is not null && counterparty.DomainConfidence is null)
        {
            counterparty = counterparty with { DomainConfidence = Hashing.Unit(h, 13) < 0.7 ? "high" : "medium" };
        }

        var amount = Amount(h, topic, round);
        var headcount = topic.Key == "expansion" ? (int)Hashing.Range(h, 14, 50, 2500) : (int)Nice(Hashing.Range(h, 14, 25, 4000));
        var percent = topic.Key == "earnings"
            ? Math.Round(Hashing.Range(h, 15, -150, 600) / 10.0, 1)
            : Math.Round(Hashing.Range(h, 15, 20, 300) / 10.0, 1);
        var secondary = topic.Key switch
        {
            "ipo" => Nice(amount * Hashing.Range(h, 16, 5, 15)),
            "data_breach" => Nice(Hashing.Range(h, 16, 5_000, 80_000_000)),
            _ => Nice(amount * Hashing.Range(h, 16, 3, 12)),
        };
        var person = Hashing.Pick(h, 17, WordLists.FirstNames) + " " + Hashing.Pick(h, 18, WordLists.LastNames);
        var role = Hashing.Pick(h, 19, WordLists.Roles);
        var product = Hashing.Pick(h, 20, WordLists.ProductNouns) + " " + Hashing.Range(h, 21, 2, 9).ToString(CultureInfo.InvariantCulture);
        var category = Hashing.Pick(h, 22, WordLists.ProductCategories);
        var issue = Hashing.Pick(h, 23, WordLists.Issues);
        var regulator = counterparty.Name;
        var exchange = Hashing.Pick(h, 24, WordLists.Exchanges);
        var facility = Hashing.Pick(h, 25, WordLists.Facilities);
        var reason = Hashing.Pick(h, 26, WordLists.LayoffReasons);
        var area = Hashing.Pick(h, 27, WordLists.PartnershipAreas);
        var money = Money(amount, currency);
        var s = subject.Name;
        var c = counterparty.Name;
        var title = topic.Key switch
        {
            "funding" => $"{s} raises {money} in {round} round led by {c}",
            "acquisition" => Hashing.Unit(h, 28) < 0.5 ? $"{c} to acquire {s} for {money}" : $"{c} completes {money} acquisition of {s}",
            "layoffs" => $"{s} to cut {headcount.ToString("N0", CultureInfo.InvariantCulture)} jobs, about {percent.ToString(CultureInfo.InvariantCulture)}% of staff",
            "product_launch" => $"{s} launches {product}, a new {category}",
            "partnership" => $"{s} and {c} form partnership on {area}",
            "regulatory_fine" => $"{regulator} fines {s} {money} over {issue}",
            "executive_change" => $"{s} names {person} as {role}",
            "ipo" => $"{s} files to list on {exchange}, aiming to raise {money}",
            "data_breach" => $"{s} discloses breach exposing {secondary.ToString("N0", CultureInfo.InvariantCulture)} customer records",
            "expansion" => $"{s} opens new {facility} in {city}, plans {headcount.ToString("N0", CultureInfo.InvariantCulture)} jobs",
            "lawsuit" => $"{c} sues {s} over {issue}",
            _ => $"{s} reports quarterly revenue of {money}, {(percent >= 0 ? "up" : "down")} {Math.Abs(percent).ToString(CultureInfo.InvariantCulture)}% on the year",
        };
        var summary = $"{s}, a {sector} company based in {city}, {country}, is the subject of {topic.Noun}: {char.ToLowerInvariant(title[0])}{title[1..]}.";
        var eventDate = new DateTimeOffset(publishedAt.UtcDateTime.Date, TimeSpan.Zero).AddDays(-Hashing.Range(h, 29, 0, 2));

        var citations = new List<CitationInfo>();
        var count = (int)Hashing.Range(h, 30, 1, 3);
        for (var i = 0; i < count; i++)
        {
            var outlet = Hashing.Pick(h, 31 + i, WordLists.Outlets);
            var citationTitle = i switch
            {
                0 => title,
                1 => $"{s}: what {topic.Noun} means for {sector}",
                _ => $"Report: {title}",
            };
            var at = publishedAt.AddMinutes(i * Hashing.Range(h, 35 + i, 20, 300));
            var sourceId = Hashing.Combine(h, 40 + i).ToString("x16", CultureInfo.InvariantCulture) + Hashing.Combine(h, 50 + i).ToString("x16", CultureInfo.InvariantCulture);
            var link = $"https://{outlet.Domain}/{at.UtcDateTime:yyyy'/'MM'/'dd}/{Slug(citationTitle)}";
            citations.Add(new CitationInfo(citationTitle, link, at, sourceId));
        }

        return new SyntheticEvent
        {
            Hash = h, RecordId = Hashing.RecordId(h), Topic = topic, PublishedAt = publishedAt, EventDate = eventDate,
            Subject = subject, Counterparty = counterparty, Person = person, Role = role, Amount = amount,
            SecondaryAmount = secondary, Currency = currency, Round = round, Headcount = headcount, Percent = percent,
            Product = product, ProductCategory = category, Country = country, City = city, Sector = sector,
            Issue = issue, Regulator = regulator, Exchange = exchange, Facility = facility, Reason = reason, Area = area,
            Title = title, Summary = summary, Citations = citations,
        };
    }

    private static CompanyRef Company(ulong h, int salt)
    {
        var stem = Hashing.Pick(h, salt, WordLists.CompanyStems);
        var suffix = Hashing.Pick(h, salt + 100, WordLists.CompanySuffixes);
        var confidence = Hashing.Unit(h, salt + 200) switch
        {
            < 0.75 => "high",
            < 0.95 => "medium",
            _ => "low",
        };
        return new CompanyRef(stem + " " + suffix, Domain(stem + suffix, "example"), confidence);
    }

    private static CompanyRef Holding(ulong h)
    {
        var stem = Hashing.Pick(h, 60, WordLists.CompanyStems);
        var suffix = Hashing.Pick(h, 61, WordLists.HoldingSuffixes);
        return new CompanyRef(stem + " " + suffix, Domain(stem + suffix, "example"), "high");
    }

    private static string Domain(string name, string tld)
    {
        var builder = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return builder + "." + tld;
    }

    private static long Amount(ulong h, Topic topic, string round) => topic.Key switch
    {
        "funding" => Nice(round switch
        {
            "Pre-seed" => Hashing.Range(h, 70, 300_000, 2_000_000),
            "Seed" => Hashing.Range(h, 70, 1_000_000, 6_000_000),
            "Series A" => Hashing.Range(h, 70, 5_000_000, 30_000_000),
            "Series B" => Hashing.Range(h, 70, 20_000_000, 90_000_000),
            "Series C" => Hashing.Range(h, 70, 50_000_000, 200_000_000),
            _ => Hashing.Range(h, 70, 100_000_000, 500_000_000),
        }),
        "acquisition" => Nice(Hashing.Range(h, 70, 10_000_000, 4_000_000_000)),
        "regulatory_fine" => Nice(Hashing.Range(h, 70, 500_000, 800_000_000)),
        "ipo" => Nice(Hashing.Range(h, 70, 80_000_000, 2_000_000_000)),
        "lawsuit" => Nice(Hashing.Range(h, 70, 1_000_000, 2_000_000_000)),
        "earnings" => Nice(Hashing.Range(h, 70, 20_000_000, 30_000_000_000)),
        _ => Nice(Hashing.Range(h, 70, 1_000_000, 100_000_000)),
    };

    /// <summary>Two significant digits, like figures quoted in the news.</summary>
    private static long Nice(long value)
    {
        if (value < 100)
        {
            return value;
        }

        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return value / magnitude * magnitude;
    }

    internal static string Money(long amount, string currency)
    {
        var symbol = currency switch
        {
            "EUR" => "€",
            "GBP" => "£",
            _ => "$",
        };
        return amount switch
        {
            >= 1_000_000_000 => symbol + (amount / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B",
            >= 1_000_000 => symbol + (amount / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
            >= 1_000 => symbol + (amount / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "K",
            _ => symbol + amount.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(ch);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 72)
            {
                break;
            }
        }

        return builder.ToString().Trim('-');
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..97] + "...";

    private static Topic[] ToArray(IReadOnlyList<Topic> topics)
    {
        var array = new Topic[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            array[i] = topics[i];
        }

        return array;
    }
}

/// <summary>What the timeline needs to know about a tracked entity.</summary>
internal sealed record WatchlistEntity(Guid Id, string Name, string? Domain, string EntityType, JsonObject? Attributes);
