using System;
using System.IO;
using System.Threading.Tasks;
using CatchAll.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace CatchAll.EndToEnd.Tests;

/// <summary>The generated upload-from-disk helpers, against the emulator.</summary>
public sealed class FileUploadTests : IAsyncLifetime
{
    private EmulatorSession _session = null!;
    private string _directory = null!;

    private CatchAllClient Client => _session.Client;

    public async Task InitializeAsync()
    {
        _session = await EmulatorSession.StartOnRealClockAsync();
        _directory = Directory.CreateTempSubdirectory("catchall-upload-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_csv_file_on_disk_creates_a_dataset_and_then_grows_it()
    {
        var first = Path.Combine(_directory, "companies.csv");
        await File.WriteAllTextAsync(first, "name,domain\nInitech,initech.example\nHooli,hooli.example\n");
        var second = Path.Combine(_directory, "more companies.csv");
        await File.WriteAllTextAsync(second, "name,domain\nGlobex,globex.example\n");

        // The path stands where the stream and file name stand in the stream overload.
        var created = await Client.Datasets.CreateDatasetFromCsvAsync(first, "From disk", "two rows");
        Assert.Equal("From disk", created.DatasetName);
        Assert.Equal(2, created.EntitiesCreated);

        await Client.Datasets.UploadCsvToDatasetAsync(created.DatasetId, second);
        Assert.Equal(3, (await Client.Datasets.GetDatasetAsync(created.DatasetId)).EntityCount);

        // The file is closed again: it can be deleted at once.
        File.Delete(first);
        File.Delete(second);
    }

    [Fact]
    public async Task A_missing_file_fails_before_any_request()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => Client.Datasets.CreateDatasetFromCsvAsync(Path.Combine(_directory, "absent.csv"), "x"));
    }
}
