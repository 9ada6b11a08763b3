using System.Collections.Generic;

namespace CatchAll.Runtime;

/// <summary>
/// The redactor of one call, built on first use from the options the call started with: most calls succeed and
/// never need one, while an error, a transport failure or a redirect has server text to scrub.
/// </summary>
internal sealed class LazyRedactor
{
    private readonly CatchAllClientOptions _options;
    private readonly RequestOptions? _requestOptions;
    private SecretRedactor? _value;

    public LazyRedactor(CatchAllClientOptions options, RequestOptions? requestOptions)
    {
        _options = options;
        _requestOptions = requestOptions;
    }

    public SecretRedactor Value => _value ??= Redactor(_options, _requestOptions);

    /// <summary>
    /// Collects the secrets the call sends (the API key, and the values of secret headers among the client's
    /// default headers and the call's own) into one redactor.
    /// </summary>
    private static SecretRedactor Redactor(CatchAllClientOptions options, RequestOptions? requestOptions)
    {
        var secrets = new List<string?> { options.ApiKey };
        foreach (var header in options.DefaultHeaders)
        {
            if (SecretHeaders.Is(header.Key))
            {
                secrets.Add(header.Value);
            }
        }

        if (requestOptions is not null)
        {
            foreach (var header in requestOptions.Headers)
            {
                if (SecretHeaders.Is(header.Key))
                {
                    secrets.Add(header.Value);
                }
            }
        }

        return new SecretRedactor(secrets);
    }
}
