using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CatchAll.Client.Tests.Http;

/// <summary>One part of a multipart/form-data body as the server received it.</summary>
internal sealed record MultipartPart(string Name, string? FileName, string? ContentType, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>A small multipart/form-data parser for asserting what the client uploaded.</summary>
internal static partial class Multipart
{
    public static IReadOnlyList<MultipartPart> Parse(string contentType, byte[] body)
    {
        var boundaryMatch = BoundaryPattern().Match(contentType);
        if (!contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) || !boundaryMatch.Success)
        {
            throw new Xunit.Sdk.XunitException("Not a multipart/form-data body: " + contentType);
        }

        var boundary = "--" + boundaryMatch.Groups[1].Value.Trim('"');
        var text = Encoding.Latin1.GetString(body); // byte-preserving, so file bytes survive the split
        var parts = new List<MultipartPart>();
        foreach (var chunk in text.Split(boundary).Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var headerEnd = chunk.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            // Header bytes are decoded as UTF-8, as RFC 7578 servers (and browsers) treat a non-ASCII file name.
            var headerText = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(chunk.Substring(2, headerEnd - 2)));
            var content = chunk.Substring(headerEnd + 4);
            if (content.EndsWith("\r\n", StringComparison.Ordinal))
            {
                content = content[..^2];
            }

            var headers = headerText.Split("\r\n")
                .Select(l => l.Split(':', 2))
                .ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var disposition = headers.GetValueOrDefault("Content-Disposition") ?? string.Empty;
            var name = NamePattern().Match(disposition).Groups[1].Value;
            var fileName = FileNamePattern().Match(disposition) is { Success: true } f ? f.Groups[1].Value : null;
            parts.Add(new MultipartPart(name, fileName, headers.GetValueOrDefault("Content-Type"), Encoding.Latin1.GetBytes(content)));
        }

        return parts;
    }

    [GeneratedRegex("boundary=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex("(?:^|;)\\s*name=\"?([^\";]*)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    [GeneratedRegex("(?:^|;)\\s*filename=\"?([^\";]*)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
