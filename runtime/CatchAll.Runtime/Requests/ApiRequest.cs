using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CatchAll.Runtime;

/// <summary>
/// One API call as generated code describes it: method, path, query, headers and body.
/// The pipeline turns it into a fresh <see cref="HttpRequestMessage"/> for every attempt.
/// </summary>
public sealed class ApiRequest
{
    private readonly StringBuilder _path = new StringBuilder();
    private readonly List<string> _query = new List<string>();
    private readonly List<KeyValuePair<string, string>> _headers = new List<KeyValuePair<string, string>>();
    private byte[]? _jsonBody;
    private List<MultipartPart>? _multipart;

    /// <summary>Starts describing a call.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="operationId">The contract's operation id, used in logs and exception messages.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="operationId"/> is empty.</exception>
    public ApiRequest(HttpMethod method, string operationId)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        if (operationId is null)
        {
            throw new ArgumentNullException(nameof(operationId));
        }

        OperationId = operationId.Length > 0 ? operationId : throw new ArgumentException("The operation id must not be empty.", nameof(operationId));
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The contract's operation id.</summary>
    public string OperationId { get; }

    /// <summary>The escaped path and query, e.g. <c>/catchAll/jobs/user?page=2</c>.</summary>
    public string PathAndQuery => _query.Count == 0 ? _path.ToString() : _path + "?" + string.Join("&", _query);

    /// <summary>The headers added with <see cref="AddHeader"/>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>Whether <see cref="SetJsonBody{T}"/> or a multipart method has been called.</summary>
    public bool HasBody => _jsonBody is not null || _multipart is not null;

    /// <summary>
    /// Whether the body can be sent again on a retry: true unless a multipart file stream cannot seek.
    /// </summary>
    public bool IsBodyReplayable
    {
        get
        {
            if (_multipart is null)
            {
                return true;
            }

            foreach (var part in _multipart)
            {
                if (part.File is not null && !part.File.CanSeek)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Appends literal path text as is, e.g. <c>/catchAll/status/</c>.</summary>
    /// <param name="literal">Path text that is already valid in a URI.</param>
    /// <exception cref="ArgumentNullException"><paramref name="literal"/> is null.</exception>
    public void AppendPath(string literal)
    {
        _path.Append(literal ?? throw new ArgumentNullException(nameof(literal)));
    }

    /// <summary>Appends a path parameter, escaping every reserved character (including <c>/</c>).</summary>
    /// <param name="value">The parameter's wire text (see <see cref="ParameterFormatter"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, which would address a different resource.</exception>
    public void AppendPathParameter(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.Length == 0)
        {
            throw new ArgumentException($"A path parameter of {OperationId} is empty; an empty segment would address a different resource.", nameof(value));
        }

        _path.Append(Uri.EscapeDataString(value));
    }

    /// <summary>Adds <c>name=value</c> to the query, both escaped. A null value adds nothing.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The parameter's wire text, or null to skip it.</param>
    public void AddQuery(string name, string? value)
    {
        ValidateName(name);
        if (value is not null)
        {
            _query.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        }
    }

    /// <summary>Adds <c>name=v1&amp;name=v2</c> for each value. A null sequence adds nothing; null items are skipped.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">The values' wire text, or null to skip the parameter.</param>
    public void AddQuery(string name, IEnumerable<string>? values)
    {
        ValidateName(name);
        if (values is null)
        {
            return;
        }

        var escapedName = Uri.EscapeDataString(name);
        foreach (var value in values)
        {
            if (value is not null)
            {
                _query.Add(escapedName + "=" + Uri.EscapeDataString(value));
            }
        }
    }

    /// <summary>Adds a request header. A null value adds nothing.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header's wire text, or null to skip it.</param>
    public void AddHeader(string name, string? value)
    {
        ValidateName(name);
        if (value is not null)
        {
            _headers.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>Sets a JSON body (<c>application/json; charset=utf-8</c>), serialized now with <paramref name="typeInfo"/>.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>; keeps serialization trim- and AOT-safe.</param>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The request already has a multipart body.</exception>
    public void SetJsonBody<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        if (_multipart is not null)
        {
            throw new InvalidOperationException($"{OperationId} already has a multipart body; a request has one body.");
        }

        // Serialized once up front so every retry sends identical bytes.
        _jsonBody = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
    }

    /// <summary>Adds a file part; the first multipart call makes the body <c>multipart/form-data</c>.</summary>
    /// <param name="name">The form field name.</param>
    /// <param name="content">The file content. Not disposed by the request; read from its current position.
    /// A stream that cannot seek is sent once and the call is not retried.</param>
    /// <param name="fileName">The file name sent to the server.</param>
    /// <param name="contentType">The part's media type; default <c>application/octet-stream</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The request already has a JSON body.</exception>
    public void AddMultipartFile(string name, Stream content, string fileName, string? contentType = null)
    {
        ValidateName(name);
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (fileName is null)
        {
            throw new ArgumentNullException(nameof(fileName));
        }

        Multipart().Add(new MultipartPart(name, null, content, fileName, contentType ?? "application/octet-stream"));
    }

    /// <summary>Adds a text field; a null value adds nothing. The first multipart call makes the body <c>multipart/form-data</c>.</summary>
    /// <param name="name">The form field name.</param>
    /// <param name="value">The field's wire text, or null to skip it.</param>
    /// <exception cref="InvalidOperationException">The request already has a JSON body.</exception>
    public void AddMultipartField(string name, string? value)
    {
        ValidateName(name);
        if (value is not null)
        {
            Multipart().Add(new MultipartPart(name, value, null, null, null));
        }
    }

    /// <summary>Builds the body for one attempt, rewinding seekable file streams to where they started.</summary>
    internal HttpContent? CreateContent()
    {
        if (_jsonBody is not null)
        {
            var json = new ByteArrayContent(_jsonBody);
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return json;
        }

        if (_multipart is null)
        {
            return null;
        }

        var form = new MultipartFormDataContent();
#if NET5_0_OR_GREATER
        form.HeaderEncodingSelector = static (_, _) => Encoding.UTF8;
#endif
        foreach (var part in _multipart)
        {
            if (part.File is null)
            {
                var field = new StringContent(part.FieldValue!, Encoding.UTF8);
                // Plain form fields carry no content type, as browsers send them.
                field.Headers.ContentType = null;
                field.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(part.Name) };
                form.Add(field);
            }
            else
            {
                var file = new BorrowedStreamContent(part.File, part.StartPosition);
                file.Headers.ContentType = MediaTypeHeaderValue.Parse(part.ContentType!);
                // Written raw: ContentDispositionHeaderValue MIME-encodes a non-ASCII file name
                // (=?utf-8?B?...?=), which RFC 7578 servers keep literally. Browsers send UTF-8.
                file.Headers.TryAddWithoutValidation(
                    "Content-Disposition",
                    "form-data; name=" + QuoteFormValue(part.Name) + "; filename=" + QuoteFormValue(part.FileName!));
                form.Add(file);
            }
        }

        return form;
    }

    /// <summary>
    /// A quoted multipart name as RFC 7578 section 4.2 has it: quotes and line breaks
    /// percent-encoded; other characters as they are (UTF-8 on the wire), except where the
    /// platform cannot choose the header encoding, where non-ASCII is percent-encoded too.
    /// </summary>
    private static string QuoteFormValue(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
#if NET5_0_OR_GREATER
        foreach (var c in value)
        {
            builder.Append(c switch { '"' => "%22", '\r' => "%0D", '\n' => "%0A", _ => c.ToString() });
        }
#else
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (byte)'"' or (byte)'\r' or (byte)'\n' or >= 0x80)
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }
#endif
        return builder.Append('"').ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static void ValidateName(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (name.Length == 0)
        {
            throw new ArgumentException("A parameter or header name must not be empty.", nameof(name));
        }
    }

    private List<MultipartPart> Multipart()
    {
        if (_jsonBody is not null)
        {
            throw new InvalidOperationException($"{OperationId} already has a JSON body; a request has one body.");
        }

        return _multipart ??= new List<MultipartPart>();
    }

    private sealed class MultipartPart
    {
        public MultipartPart(string name, string? fieldValue, Stream? file, string? fileName, string? contentType)
        {
            Name = name;
            FieldValue = fieldValue;
            File = file;
            FileName = fileName;
            ContentType = contentType;
            StartPosition = file is not null && file.CanSeek ? file.Position : 0;
        }

        public string Name { get; }

        public string? FieldValue { get; }

        public Stream? File { get; }

        public string? FileName { get; }

        public string? ContentType { get; }

        public long StartPosition { get; }
    }
}
