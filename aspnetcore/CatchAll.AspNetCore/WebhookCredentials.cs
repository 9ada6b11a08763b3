using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CatchAll.AspNetCore;

/// <summary>
/// What a delivery must carry to be let in: the receiving side of the webhook's <c>auth</c> (<c>basic</c>,
/// <c>bearer</c> or <c>api_key</c> in a named header). Secrets are compared in constant time, as SHA-256 digests
/// so that not even their length leaks; <see cref="ToString"/> never shows them.
/// </summary>
public abstract class WebhookCredentials
{
    private WebhookCredentials()
    {
    }

    /// <summary>The <c>auth</c> type this checks: <c>basic</c>, <c>bearer</c>, <c>api_key</c> or <c>none</c>.</summary>
    public abstract string Type { get; }

    /// <summary>HTTP Basic: <c>Authorization: Basic base64(username:password)</c>.</summary>
    public static WebhookCredentials Basic(string username, string password) => new BasicCredentials(Required(username, nameof(username)), Required(password, nameof(password)));

    /// <summary>A bearer token: <c>Authorization: Bearer token</c>.</summary>
    public static WebhookCredentials Bearer(string token) => new BearerCredentials(Required(token, nameof(token)));

    /// <summary>A key in a header of the webhook's choosing (<c>auth.header</c>), such as <c>X-Hook-Key</c>.</summary>
    public static WebhookCredentials ApiKey(string header, string value) => new ApiKeyCredentials(Required(header, nameof(header)), Required(value, nameof(value)));

    /// <summary>
    /// Accepts deliveries without credentials. Only for a receiver protected some other way (a private network, a
    /// gateway that authenticates): without any credentials configured, the endpoint refuses to start.
    /// </summary>
    public static WebhookCredentials None { get; } = new NoCredentials();

    /// <summary>
    /// Reads credentials from configuration (the <c>Auth</c> keys of the <c>CatchAll:Webhooks</c> section):
    /// <c>Type</c> (<c>basic</c>, <c>bearer</c>, <c>api_key</c>, <c>none</c>) with <c>Username</c>/<c>Password</c>,
    /// <c>Token</c>, or <c>Header</c>/<c>Value</c>. Returns <see langword="null"/> when <c>Type</c> is absent.
    /// </summary>
    public static WebhookCredentials? FromConfiguration(IConfiguration auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var type = auth["Type"];
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        string Key(string name) => auth[name] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"CatchAll webhook credentials of type '{type}' need the '{name}' key.");

        return type.Trim().ToLowerInvariant() switch
        {
            "basic" => Basic(Key("Username"), Key("Password")),
            "bearer" => Bearer(Key("Token")),
            "api_key" or "apikey" => ApiKey(Key("Header"), Key("Value")),
            "none" => None,
            _ => throw new InvalidOperationException($"Unknown CatchAll webhook credential type '{type}': use basic, bearer, api_key or none."),
        };
    }

    /// <summary>Whether the request carries these credentials.</summary>
    internal abstract bool Matches(HttpRequest request);

    /// <summary>The <c>WWW-Authenticate</c> challenge sent with a 401, if the scheme has one.</summary>
    internal virtual string? Challenge => null;

    /// <inheritdoc/>
    public override string ToString() => $"WebhookCredentials({Type}, secret hidden)";

    private static string Required(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return value;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static bool SameSecret(byte[] expectedDigest, string? presented) =>
        CryptographicOperations.FixedTimeEquals(expectedDigest, Digest(presented ?? string.Empty)) && presented is not null;

    private static string? SchemeValue(HttpRequest request, string scheme)
    {
        var header = request.Headers.Authorization.ToString();
        return header.Length > scheme.Length && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header[scheme.Length] == ' '
            ? header[(scheme.Length + 1)..].Trim()
            : null;
    }

    private sealed class BasicCredentials(string username, string password) : WebhookCredentials
    {
        private readonly byte[] _username = Digest(username);
        private readonly byte[] _password = Digest(password);

        public override string Type => "basic";

        internal override string? Challenge => "Basic realm=\"CatchAll webhooks\", charset=\"UTF-8\"";

        internal override bool Matches(HttpRequest request)
        {
            string? user = null;
            string? pass = null;
            if (SchemeValue(request, "Basic") is { } encoded)
            {
                try
                {
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                    var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                    if (colon >= 0)
                    {
                        user = decoded[..colon];
                        pass = decoded[(colon + 1)..];
                    }
                }
                catch (FormatException)
                {
                    // Not base64: a wrong credential like any other.
                }
            }

            // Both halves are always compared, so the time taken does not say which one was wrong.
            var userOk = SameSecret(_username, user);
            var passOk = SameSecret(_password, pass);
            return userOk & passOk;
        }
    }

    private sealed class BearerCredentials(string token) : WebhookCredentials
    {
        private readonly byte[] _token = Digest(token);

        public override string Type => "bearer";

        internal override string? Challenge => "Bearer realm=\"CatchAll webhooks\"";

        internal override bool Matches(HttpRequest request) => SameSecret(_token, SchemeValue(request, "Bearer"));
    }

    private sealed class ApiKeyCredentials(string header, string value) : WebhookCredentials
    {
        private readonly byte[] _value = Digest(value);

        public override string Type => "api_key";

        public override string ToString() => $"WebhookCredentials(api_key in {header}, secret hidden)";

        internal override bool Matches(HttpRequest request)
        {
            var values = request.Headers[header];
            return SameSecret(_value, values.Count == 1 ? values[0] : null);
        }
    }

    private sealed class NoCredentials : WebhookCredentials
    {
        public override string Type => "none";

        internal override bool Matches(HttpRequest request) => true;
    }
}
