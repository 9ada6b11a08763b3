using System;
using System.Globalization;
using CatchAll.Runtime;
using CatchAll.Runtime.Tests.Infrastructure;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class ParameterFormatterTests
{
    [Fact]
    public void Formats_every_supported_type_invariantly()
    {
        Assert.Equal("abc", ParameterFormatter.Format("abc"));
        Assert.Equal("true", ParameterFormatter.Format(true));
        Assert.Equal("false", ParameterFormatter.Format(false));
        Assert.Equal("-12345", ParameterFormatter.Format(-12345));
        Assert.Equal("9007199254740993", ParameterFormatter.Format(9007199254740993L));
        Assert.Equal("1.5", ParameterFormatter.Format(1.5));
        Assert.Equal("0.1", ParameterFormatter.Format(0.1));
        Assert.Equal("2.5", ParameterFormatter.Format(2.5f));
        Assert.Equal("1234.50", ParameterFormatter.Format(1234.50m));
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", ParameterFormatter.Format(Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")));
        Assert.Equal("2024-03-05T07:08:09.0000000+02:00", ParameterFormatter.Format(new DateTimeOffset(2024, 3, 5, 7, 8, 9, TimeSpan.FromHours(2))));
        Assert.Equal("2024-03-05T07:08:09.0000000Z", ParameterFormatter.Format(new DateTime(2024, 3, 5, 7, 8, 9, DateTimeKind.Utc)));
#if !RUNTIME_NETSTANDARD
        Assert.Equal("2024-03-05", ParameterFormatter.Format(new DateOnly(2024, 3, 5)));
        Assert.Equal("07:08:09", ParameterFormatter.Format(new TimeOnly(7, 8, 9)));
        Assert.Equal("07:08:09.25", ParameterFormatter.Format(new TimeOnly(7, 8, 9, 250)));
#endif
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("th-TH")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        using var scope = new CultureScope(culture);

        // Precondition: the culture really formats differently, so the assertions below can fail.
        Assert.True(
            1.5.ToString() != "1.5" || new DateTime(2024, 1, 1).ToString("yyyy") != "2024",
            $"{culture} formats like the invariant culture on this machine; the test would prove nothing.");

        Assert.Equal("1.5", ParameterFormatter.Format(1.5));
        Assert.Equal("1.25", ParameterFormatter.Format(1.25f));
        Assert.Equal("1000000.5", ParameterFormatter.Format(1000000.5m));
        Assert.Equal("1234567", ParameterFormatter.Format(1234567));
        Assert.Equal("true", ParameterFormatter.Format(true));
        Assert.Equal("2024-03-05T07:08:09.0000000+00:00", ParameterFormatter.Format(new DateTimeOffset(2024, 3, 5, 7, 8, 9, TimeSpan.Zero)));
#if !RUNTIME_NETSTANDARD
        Assert.Equal("2024-03-05", ParameterFormatter.Format(new DateOnly(2024, 3, 5)));
        Assert.Equal("13:08:09", ParameterFormatter.Format(new TimeOnly(13, 8, 9)));
#endif
    }

    [Fact]
    public void Doubles_round_trip()
    {
        var value = 0.1 + 0.2;

        Assert.Equal(value, double.Parse(ParameterFormatter.Format(value), CultureInfo.InvariantCulture));
    }
}
