using System;
using System.Text;

namespace CatchAll.Emulator.Synthetic;

/// <summary>
/// Stable 64-bit hashing (FNV-1a plus a SplitMix64 finish). string.GetHashCode is randomised per
/// process, and the synthetic data must be the same on every run for the same seed.
/// </summary>
internal static class Hashing
{
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Of(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }

        return Mix(hash);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (b * 0x9E3779B97F4A7C15UL) ^ (b >> 17));

    public static ulong Combine(ulong a, long b) => Combine(a, unchecked((ulong)b));

    public static ulong Combine(ulong a, string b) => Combine(a, Of(b));

    /// <summary>Picks an element; <paramref name="salt"/> lets one hash drive several independent choices.</summary>
    public static T Pick<T>(ulong hash, int salt, T[] items) => items[(int)(Combine(hash, salt) % (ulong)items.Length)];

    /// <summary>A number in [min, max] derived from the hash.</summary>
    public static long Range(ulong hash, int salt, long min, long max) => min + (long)(Combine(hash, salt) % (ulong)(max - min + 1));

    /// <summary>A fraction in [0, 1).</summary>
    public static double Unit(ulong hash, int salt) => (Combine(hash, salt) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Record ids look like the API's: a positive 64-bit integer in decimal.</summary>
    public static string RecordId(ulong hash) => ((long)(hash & 0x7FFFFFFFFFFFFFFFUL)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Guid Guid(ulong a, ulong b)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, a);
        BitConverter.TryWriteBytes(bytes[8..], b);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
