// Checks that each portable pdb given (or the pdb embedded in each dll given) embeds the source text of every
// document it lists; prints "file: embedded/documents" and exits 1 when one falls short.
// Run by pack-and-consume.sh: dotnet run .ci/embedded-sources.cs -- FILE...
using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
var failed = false;
foreach (var path in args)
{
    using var stream = File.OpenRead(path);
    MetadataReaderProvider provider;
    PEReader? pe = null;
    if (path.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase))
    {
        provider = MetadataReaderProvider.FromPortablePdbStream(stream);
    }
    else
    {
        pe = new PEReader(stream);
        var entry = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (entry.DataSize == 0)
        {
            Console.WriteLine($"{Path.GetFileName(path)}: no embedded pdb");
            failed = true;
            continue;
        }

        provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
    }

    using (provider)
    using (pe)
    {
        var reader = provider.GetMetadataReader();
        var embedded = reader.Documents.Count(d => reader.GetCustomDebugInformation(d)
            .Any(c => reader.GetGuid(reader.GetCustomDebugInformation(c).Kind) == embeddedSource));
        Console.WriteLine($"{Path.GetFileName(path)}: {embedded}/{reader.Documents.Count} sources embedded");
        failed |= reader.Documents.Count == 0 || embedded != reader.Documents.Count;
    }
}

return failed ? 1 : 0;
