using System;
using System.Text;

namespace CatchAll.Bench.Payloads;

/// <summary>Seeded filler text: the same seed gives the same bytes on every machine and run.</summary>
internal sealed class Words
{
    private static readonly string[] Vocabulary =
    {
        "funding", "round", "series", "startup", "software", "platform", "investors", "capital", "growth", "market",
        "company", "announced", "raised", "million", "led", "by", "with", "participation", "from", "existing",
        "customers", "security", "cloud", "data", "analytics", "expansion", "team", "engineering", "product", "launch",
        "revenue", "valuation", "partners", "ventures", "technology", "enterprise", "the", "a", "of", "to",
        "and", "in", "for", "its", "new", "global", "services", "acquisition", "quarter", "report",
    };

    private static readonly string[] Names =
    {
        "Aldermoor", "Brightwell", "Cobaltline", "Dunmere", "Everpine", "Foxhollow", "Greymark", "Hartfield",
        "Ironbridge", "Juniper", "Kestrel", "Larkspur", "Millbrook", "Northgate", "Oakridge", "Pinecrest",
        "Quarry", "Redfern", "Silverton", "Thornbury", "Umberlane", "Valemont", "Westbrook", "Yarrow",
    };

    private static readonly string[] Suffixes = { "Labs", "Systems", "Analytics", "Capital", "Ventures", "Networks", "Health", "Robotics" };

    private readonly Random _random;

    public Words(int seed) => _random = new Random(seed);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public string Company() => Pick(Names) + " " + Pick(Suffixes);

    public string Domain(string company) => company.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + ".com";

    public string Slug(int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                builder.Append('-');
            }

            builder.Append(Pick(Vocabulary));
        }

        return builder.ToString();
    }

    /// <summary>Roughly <paramref name="length"/> characters of sentence-like text, capitalised, ending in a full stop.</summary>
    public string Text(int length)
    {
        var builder = new StringBuilder(length + 16);
        while (builder.Length < length)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Pick(Vocabulary));
        }

        builder[0] = char.ToUpperInvariant(builder[0]);
        builder.Append('.');
        return builder.ToString();
    }

    public DateTimeOffset Date(DateTimeOffset from, int days) =>
        from.AddSeconds(_random.Next(0, days * 86400));
}
