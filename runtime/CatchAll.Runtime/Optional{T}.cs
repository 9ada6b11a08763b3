using System;
using System.Collections.Generic;

namespace CatchAll;

/// <summary>
/// A value that may be absent, distinct from a value that is present and <see langword="null"/>.
/// </summary>
/// <remarks>
/// The CatchAll API treats "field not sent" differently from "field sent as JSON null" on several
/// update operations, and <see cref="Nullable{T}"/> cannot tell those apart for reference types.
/// <c>default(Optional&lt;T&gt;)</c> is absent (the field is not sent); <c>Optional&lt;string?&gt; x = null</c>
/// is present with a <see langword="null"/> value (the field is sent as JSON <c>null</c>).
/// </remarks>
/// <typeparam name="T">The type of the value.</typeparam>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>Creates a present value, which may itself be <see langword="null"/>.</summary>
    /// <param name="value">The value to carry.</param>
    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>An absent value: the field is not sent. Same as <c>default</c>.</summary>
    public static Optional<T> Absent => default;

    /// <summary>Whether a value (possibly <see langword="null"/>) is present.</summary>
    public bool HasValue { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The value is absent.</exception>
    public T Value => HasValue
        ? _value
        : throw new InvalidOperationException($"This Optional<{typeof(T).Name}> is absent; check HasValue before reading Value.");

    /// <summary>The value when present; otherwise <c>default(T)</c>.</summary>
    public T? GetValueOrDefault() => HasValue ? _value : default;

    /// <summary>The value when present; otherwise <paramref name="fallback"/>.</summary>
    /// <param name="fallback">Returned when the value is absent.</param>
    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    /// <summary>Wraps <paramref name="value"/> as a present value (even when it is <see langword="null"/>).</summary>
    /// <param name="value">The value to carry.</param>
    public static implicit operator Optional<T>(T value) => new Optional<T>(value);

    /// <summary>Two optionals are equal when both are absent, or both are present with equal values.</summary>
    /// <param name="other">The optional to compare with.</param>
    public bool Equals(Optional<T> other)
    {
        if (HasValue != other.HasValue)
        {
            return false;
        }

        return !HasValue || EqualityComparer<T>.Default.Equals(_value, other._value);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (!HasValue)
        {
            return 0;
        }

        // Offset so that "present null" does not collide with "absent".
        return _value is null ? 1 : EqualityComparer<T>.Default.GetHashCode(_value) ^ 0x5bd1e995;
    }

    /// <summary>The value's text, <c>"null"</c> for a present null, or <c>"&lt;absent&gt;"</c>.</summary>
    public override string ToString() => HasValue ? _value?.ToString() ?? "null" : "<absent>";

    /// <summary>Equality as defined by <see cref="Equals(Optional{T})"/>.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Inequality as defined by <see cref="Equals(Optional{T})"/>.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);
}
