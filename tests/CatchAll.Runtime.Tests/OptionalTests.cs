using System;
using CatchAll.Runtime;
using Xunit;

namespace CatchAll.Runtime.Tests;

public class OptionalTests
{
    [Fact]
    public void Default_is_absent_and_Value_throws()
    {
        Optional<string?> value = default;

        Assert.False(value.HasValue);
        Assert.Throws<InvalidOperationException>(() => value.Value);
        Assert.Equal(Optional<string?>.Absent, value);
    }

    [Fact]
    public void Assigning_null_is_present_with_null()
    {
        Optional<string?> value = null;

        Assert.True(value.HasValue);
        Assert.Null(value.Value);
        Assert.Equal("null", value.ToString());
    }

    [Fact]
    public void Nullable_value_type_null_is_present()
    {
        Optional<int?> value = null;

        Assert.True(value.HasValue);
        Assert.Null(value.Value);
    }

    [Fact]
    public void Absent_and_present_null_are_not_equal()
    {
        Optional<string?> absent = default;
        Optional<string?> presentNull = null;

        Assert.NotEqual(absent, presentNull);
        Assert.False(absent == presentNull);
        Assert.True(absent != presentNull);
        Assert.False(absent.Equals((object)presentNull));
    }

    [Fact]
    public void Equality_compares_values_when_both_present()
    {
        Assert.Equal(Optional.Of(5), new Optional<int>(5));
        Assert.True(Optional.Of(5) == 5);
        Assert.NotEqual(Optional.Of(5), Optional.Of(6));
        Assert.True(Optional<int>.Absent == default);
        Assert.Equal(Optional.Of("a").GetHashCode(), new Optional<string>("a").GetHashCode());
        Assert.NotEqual(Optional<string?>.Absent.GetHashCode(), new Optional<string?>(null).GetHashCode());
    }

    [Fact]
    public void ToString_and_GetValueOrDefault_describe_each_state()
    {
        Assert.Equal("<absent>", Optional<int>.Absent.ToString());
        Assert.Equal("42", Optional.Of(42).ToString());
        Assert.Equal(7, Optional<int>.Absent.GetValueOrDefault(7));
        Assert.Equal(3, Optional.Of(3).GetValueOrDefault(7));
        Assert.Equal(0, Optional<int>.Absent.GetValueOrDefault());
        Assert.Null(Optional<string>.Absent.GetValueOrDefault());
    }

    [Fact]
    public void Optional_of_present_zero_is_not_absent()
    {
        // A "false"/0 that is present must still be sent; only absence means "leave it out".
        Optional<bool> flag = false;

        Assert.True(flag.HasValue);
        Assert.NotEqual(Optional<bool>.Absent, flag);
    }
}
