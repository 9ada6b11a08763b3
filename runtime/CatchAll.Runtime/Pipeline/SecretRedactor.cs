using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CatchAll.Runtime;

/// <summary>
/// Scrubs the call's secrets (the API key, secret per-call headers) from what a server sent back, in every form a
/// server can echo them: as is, percent-encoded, and inside JSON strings written with escapes (<c>\u002d</c>),
/// which plain text replacement cannot see but a JSON reader unescapes straight into exception text.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Redacted = "***";

    // Deep enough for any real error body; a deeper one simply keeps plain-text redaction for the rest.
    private const int MaxDepth = 256;

    private readonly List<string> _secrets = new List<string>();

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            _secrets.Add(secret!);
            var escaped = Uri.EscapeDataString(secret!);
            if (!string.Equals(escaped, secret, StringComparison.Ordinal))
            {
                _secrets.Add(escaped);
            }
        }
    }

    public bool IsEmpty => _secrets.Count == 0;

    /// <summary>Replaces each secret in plain text.</summary>
    public string Text(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(secret, Redacted);
            }
        }

        return text;
    }

    /// <summary>
    /// Redacts a body that may be JSON: escaped JSON strings holding a secret are rewritten (still valid JSON),
    /// then the text as a whole is redacted. A body that is not JSON, or stops being JSON part way (a cut body),
    /// keeps plain-text redaction where the JSON reader could not go.
    /// </summary>
    public string Body(string body)
    {
        if (IsEmpty)
        {
            return body;
        }

        if (body.IndexOf('\\') >= 0)
        {
            body = EscapedJsonStrings(body);
        }

        return Text(body);
    }

    /// <summary>Redacts header values; returns the same dictionary when none holds a secret.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers(IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        if (IsEmpty)
        {
            return headers;
        }

        Dictionary<string, IReadOnlyList<string>>? copy = null;
        foreach (var header in headers)
        {
            for (var i = 0; i < header.Value.Count; i++)
            {
                if (!string.Equals(Text(header.Value[i]), header.Value[i], StringComparison.Ordinal))
                {
                    copy ??= new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                    break;
                }
            }
        }

        if (copy is null)
        {
            return headers;
        }

        foreach (var header in headers)
        {
            var values = new string[header.Value.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Text(header.Value[i]);
            }

            copy[header.Key] = values;
        }

        return copy;
    }

    private string EscapedJsonStrings(string body)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        StringBuilder? output = null;
        var copied = 0;
        try
        {
            while (reader.Read())
            {
                if ((reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
                {
                    continue;
                }

                var value = reader.GetString() ?? string.Empty;
                var redacted = Text(value);
                if (string.Equals(redacted, value, StringComparison.Ordinal))
                {
                    continue;
                }

                // The token is the quoted, still-escaped ValueSpan.
                var start = (int)reader.TokenStartIndex;
                var end = start + reader.ValueSpan.Length + 2;
                output ??= new StringBuilder(body.Length);
                output.Append(Encoding.UTF8.GetString(utf8, copied, start - copied))
                    .Append('"')
                    .Append(JsonEncodedText.Encode(redacted).ToString())
                    .Append('"');
                copied = end;
            }
        }
        catch (JsonException)
        {
            // Not JSON from here on (an HTML page, a cut body): the rest gets plain-text redaction only.
        }

        if (output is null)
        {
            return body;
        }

        return output.Append(Encoding.UTF8.GetString(utf8, copied, utf8.Length - copied)).ToString();
    }
}
