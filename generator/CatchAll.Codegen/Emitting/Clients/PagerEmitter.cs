using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

/// <summary>A paging helper: walks the pages of a list operation lazily and yields their items.</summary>
internal sealed partial class Emitter
{
    /// <summary>The member that identifies a paged item: <c>id</c>, else the first <c>..._id</c>; null when there is none.</summary>
    private PropertyDecl? ItemId(TypeRef itemType)
    {
        if (itemType.NamedKind != NamedKind.Object || !_types.TryGetValue(itemType.Name!, out var found) || found is not ObjectDecl decl)
        {
            return null;
        }

        static bool Scalar(PropertyDecl p) => p.Type.Kind is TypeKind.String or TypeKind.Guid or TypeKind.Int32 or TypeKind.Int64;
        return decl.Properties.FirstOrDefault(p => p.JsonName == "id" && Scalar(p))
            ?? decl.Properties.FirstOrDefault(p => p.JsonName.EndsWith("_id", System.StringComparison.Ordinal) && Scalar(p));
    }

    private void EmitPager(SourceWriter w, ResourceModel resource, PagerModel pager)
    {
        var operation = resource.Operations.First(o => o.MethodName == pager.OperationMethod);
        var pageParameter = operation.Parameters.First(p => p.WireName == "page" && p.Location == ParamLocation.Query).Name;
        var arguments = Arguments(operation).Where(a => a.Name != pageParameter && a.Name != "cancellationToken").ToList();
        var page = TypeName(pager.PageType, false);
        var item = TypeName(pager.ItemType, pager.ItemType.Nullable);
        w.Line();
        w.Summary($"Every item of {pager.OperationMethod}, page after page; a page is fetched only when enumeration reaches it. AsPages() gives the pages themselves.");
        w.Doc("param", "The client.", " name=\"client\"");
        foreach (var argument in arguments)
        {
            w.Doc("param", argument.Doc, $" name=\"{argument.Name.TrimStart('@')}\"");
        }

        EmitObsolete(w, operation);
        var parameters = string.Join(", ", new[] { $"this I{resource.Name}Client client" }.Concat(arguments.Select(a => a.Default is null ? $"{a.Type} {a.Name}" : $"{a.Type} {a.Name} = {a.Default}")));
        w.Open($"public static {Api}.AsyncPageable<{page}, {item}> {pager.MethodName}({parameters})");
        w.Line("if (client is null) throw new global::System.ArgumentNullException(nameof(client));");
        var call = string.Join(", ", Arguments(operation).Select(a => a.Name == pageParameter ? $"{a.Name}: number" : a.Name == "cancellationToken" ? "cancellationToken: token" : $"{a.Name}: {a.Name}"));
        w.Line($"return new {Api}.AsyncPageable<{page}, {item}>(");
        w.Indent();
        w.Line($"(number, token) => client.{pager.OperationMethod}({call}),");
        w.Line($"result => result.{pager.ItemsPropertyName} is null ? null : result.{pager.ItemsPropertyName} as {Generic}.IReadOnlyList<{item}> ?? new {Generic}.List<{item}>(result.{pager.ItemsPropertyName}),");
        w.Line(pager.PageCount.TotalPages is { } totalPages
            ? $"result => {Runtime}.PageCount.FromTotalPages(result.{totalPages}));"
            : $"result => {Runtime}.PageCount.FromTotalItems(result.{pager.PageCount.TotalItems}, result.{pager.PageCount.PageSize}));");
        w.Unindent();
        w.Close();
    }
}
