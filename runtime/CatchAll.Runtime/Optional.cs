namespace CatchAll;

/// <summary>Factory helpers for <see cref="Optional{T}"/>.</summary>
public static class Optional
{
    /// <summary>Creates a present value, letting the compiler infer <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value to carry; may be <see langword="null"/>.</param>
    public static Optional<T> Of<T>(T value) => new Optional<T>(value);
}
