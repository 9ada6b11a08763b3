using System;
using System.Net.Http;

namespace CatchAll.Runtime;

/// <summary>
/// Checks made once, when a client is built: a missing key or a wrong address then fails at startup (or when
/// dependency injection resolves the client), with a message that says what to set, instead of as a 401 from
/// the real service, or a request to the wrong place, minutes later.
/// </summary>
internal static class EndpointValidation
{
    /// <summary>Only http and https make sense for the API; anything else is a typo or a wrong setting.</summary>
    public static bool IsHttp(Uri address) =>
        address.IsAbsoluteUri
        && (string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase)
            || string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase));

    public static string NotHttpMessage(Uri address, string what) =>
        $"{what} must be an absolute http or https URI such as https://host/; "
        + (address.IsAbsoluteUri ? $"its scheme is '{address.Scheme}'." : "it is relative.");

    /// <exception cref="ArgumentException">The address is not http(s), or a non-loopback address has no key.</exception>
    public static void Validate(Uri baseAddress, CatchAllClientOptions options, HttpClient httpClient)
    {
        if (!IsHttp(baseAddress))
        {
            throw new ArgumentException(NotHttpMessage(baseAddress, "The base address (CatchAllClientOptions.BaseAddress, else the HttpClient's)"), nameof(options));
        }

        var key = options.ApiKey;
        if (key is not null && key.Length > 0 && string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("CatchAllClientOptions.ApiKey is only white space. " + HowToSetTheKey, nameof(options));
        }

        // A key the caller put on the HttpClient itself counts; one that a message handler adds later cannot be seen here.
        var hasKey = !string.IsNullOrEmpty(key) || httpClient.DefaultRequestHeaders.Contains(SecretHeaders.ApiKey);
        if (!hasKey && !baseAddress.IsLoopback)
        {
            throw new ArgumentException(
                $"CatchAllClientOptions.ApiKey is not set, and {baseAddress.Host} needs one (only a loopback address, such as the emulator's, may go without). "
                + HowToSetTheKey,
                nameof(options));
        }
    }

    private const string HowToSetTheKey =
        "Set it in code (new CatchAllClientOptions { ApiKey = ... }), or with AddCatchAllClient(options => options.ApiKey = ...) "
        + "or the ApiKey key of the configuration section passed to AddCatchAllClient (e.g. \"CatchAll\": { \"ApiKey\": ... } in appsettings.json, "
        + "or the environment variable CatchAll__ApiKey for a section named CatchAll). Keep the key out of source control.";
}
