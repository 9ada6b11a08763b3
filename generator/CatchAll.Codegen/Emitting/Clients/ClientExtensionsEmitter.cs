using System.Collections.Generic;
using System.Linq;
using CatchAll.Codegen.Model;

namespace CatchAll.Codegen.Emitting;

internal sealed partial class Emitter
{
    /// <summary>
    /// Waiting and paging helpers, as extension methods on the resource interfaces: they work on
    /// the real client and on a test double alike, and come from what the spec declares.
    /// </summary>
    private IEnumerable<GeneratedFile> EmitClientExtensions()
    {
        foreach (var resource in _spec.Resources)
        {
            if (!HasClientExtensions(resource))
            {
                continue;
            }

            var waiters = _spec.Waiters.Where(w => w.Resource == resource.Name).ToList();
            var pagers = _spec.Pagers.Where(p => p.Resource == resource.Name).ToList();
            var uploads = resource.Operations.Where(o => UploadFile(o) is not null).ToList();

            var w = Header(_spec.Namespace);
            w.Doc("summary", $"Waiting, paging and upload helpers for <see cref=\"I{resource.Name}Client\"/>.", raw: true);
            w.Open($"public static partial class {resource.Name}ClientExtensions");
            w.Line($"private static global::System.TimeProvider TimeProviderOf(I{resource.Name}Client client) =>");
            w.Line($"    (client as {resource.Name}Client)?.PipelineOrNull?.TimeProvider ?? global::System.TimeProvider.System;");
            foreach (var waiter in waiters)
            {
                EmitWaiter(w, resource, waiter);
            }

            foreach (var pager in pagers)
            {
                EmitPager(w, resource, pager);
            }

            foreach (var upload in uploads)
            {
                EmitFilePathOverload(w, resource, upload, UploadFile(upload)!);
            }

            w.Close();
            w.Close();
            yield return new GeneratedFile(ExtensionsHint(_spec, resource), w.ToString());
        }
    }

    /// <summary>Whether a resource gets an extensions class: it has a waiter, a pager or an upload.</summary>
    private bool HasClientExtensions(ResourceModel resource) =>
        _spec.Waiters.Any(w => w.Resource == resource.Name)
        || _spec.Pagers.Any(p => p.Resource == resource.Name)
        || resource.Operations.Any(o => UploadFile(o) is not null);
}
