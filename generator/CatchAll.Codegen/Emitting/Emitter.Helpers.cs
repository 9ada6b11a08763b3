using System.Collections.Generic;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    private IEnumerable<GeneratedFile> EmitHelpers()
    {
        yield break;
    }
}
