using System.Reflection;

namespace CatchAll.Runtime;

/// <summary>The User-Agent sent when <see cref="CatchAllClientOptions.UserAgent"/> is not set.</summary>
internal static class UserAgent
{
    /// <summary><c>CatchAll.Runtime/</c> and the runtime's version, without the build metadata after '+'.</summary>
    public static readonly string Default = "CatchAll.Runtime/" + RuntimeVersion();

    private static string RuntimeVersion()
    {
        var version = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return "0.0.0";
        }

        var plus = version!.IndexOf('+');
        return plus > 0 ? version.Substring(0, plus) : version;
    }
}
