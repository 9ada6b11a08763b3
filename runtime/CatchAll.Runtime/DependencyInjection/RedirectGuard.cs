using System;
using System.Net.Http;
using Microsoft.Extensions.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Turns off automatic redirects on the primary handler of a factory-built HttpClient, whichever handler was
/// configured: the pipeline follows same-origin redirects itself and refuses the rest, which it can only do when
/// it sees every hop.
/// </summary>
internal static class RedirectGuard
{
    public static void Apply(HttpMessageHandlerBuilder builder)
    {
        try
        {
            switch (builder.PrimaryHandler)
            {
                case HttpClientHandler { AllowAutoRedirect: true } handler:
                    handler.AllowAutoRedirect = false;
                    break;
#if NET
                // The netstandard2.0 build cannot name this type (.NET Core before 8 has it): documented there.
                case SocketsHttpHandler { AllowAutoRedirect: true } handler:
                    handler.AllowAutoRedirect = false;
                    break;
#endif
            }
        }
        catch (InvalidOperationException ex)
        {
            // A handler shared across clients has already sent requests and can no longer be changed.
            throw new InvalidOperationException(
                $"The primary HTTP handler of the CatchAll client '{builder.Name}' follows redirects and has already been used, so AllowAutoRedirect cannot be turned off. Configure a new handler per client with AllowAutoRedirect = false: the pipeline follows same-origin redirects itself.",
                ex);
        }
    }
}
