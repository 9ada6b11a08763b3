namespace CatchAll.Codegen.Diagnostics;

/// <summary>
/// A diagnostic as plain data: the pipeline must not hold Roslyn Location objects, or every
/// re-run would look new. The generator turns it into a Diagnostic when reporting.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string Message, string FilePath, int Line, int Column);
