namespace CatchAll;

/// <summary>
/// Implemented by the generator on every <see cref="CatchAllEnrichmentsAttribute"/> type, so the typed job and
/// monitor methods accept only types it generated a reader for. Not meant to be implemented by hand.
/// </summary>
public interface ICatchAllEnrichments
{
}
