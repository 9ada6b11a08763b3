namespace Quickstart;

internal static class Text
{
    /// <summary>The text cut to <paramref name="width"/> characters, with an ellipsis where it was cut.</summary>
    public static string Fit(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 1) + "…";
}
