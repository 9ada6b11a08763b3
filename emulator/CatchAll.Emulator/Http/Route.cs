namespace CatchAll.Emulator.Http;

internal delegate Reply Handler(Call call);

internal enum BodyKind
{
    None,
    Json,
    OptionalJson,
    Form,
}

internal enum AuthKind
{
    /// <summary>No key needed (/health, /version).</summary>
    Open,

    /// <summary>Missing or wrong key: 403, as the API documents for most operations.</summary>
    Forbidden,

    /// <summary>Missing or wrong key: 401, for the few operations documented that way.</summary>
    Unauthorized,
}

/// <summary>One operation of the contract, bound to its handler.</summary>
internal sealed record Route(string Method, string Pattern, string OperationId, Handler Handler, BodyKind Body = BodyKind.None, AuthKind Auth = AuthKind.Forbidden);
