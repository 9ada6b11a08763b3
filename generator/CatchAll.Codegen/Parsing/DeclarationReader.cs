namespace CatchAll.Codegen.Parsing;

/// <summary>
/// What a reader of one declaration kind (object, enum, union) shares with the others: where it reports, the types
/// declared so far, and the schema reader that resolves the types its members use.
/// </summary>
internal abstract class DeclarationReader
{
    protected DeclarationReader(ParseContext context, SchemaReader schemas)
    {
        Diagnostics = context.Diagnostics;
        Types = context.Types;
        Schemas = schemas;
    }

    protected SpecDiagnostics Diagnostics { get; }

    protected DeclaredTypes Types { get; }

    protected SchemaReader Schemas { get; }
}
