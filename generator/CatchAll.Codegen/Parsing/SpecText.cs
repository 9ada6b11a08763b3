namespace CatchAll.Codegen.Parsing;

/// <summary>Spec text as the model keeps it.</summary>
internal static class SpecText
{
    /// <summary>Null for missing or blank text, so "no description" has one spelling.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
