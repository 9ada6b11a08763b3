// netstandard2.0 lacks the type C# needs for init accessors (records). Written by hand rather
// than by a polyfill generator, whose output order changes between builds and breaks determinism.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
