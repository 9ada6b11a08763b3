using System;

namespace CatchAll;

/// <summary>
/// Declares a partial class or record as a set of enrichments: the CatchAll generator emits for it the
/// <c>Enrichments</c> schemas a job is submitted with, a tolerant reader from a record's <c>enrichment</c>
/// object and a writer. Each property marked with <see cref="EnrichmentAttribute"/> is one enrichment.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CatchAllEnrichmentsAttribute : Attribute
{
}
