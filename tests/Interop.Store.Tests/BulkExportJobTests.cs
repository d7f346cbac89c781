namespace Interop.Store.Tests;

public sealed class BulkExportJobTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static BulkExportJob Job(string ehr, string status, params (string Url, string File)[] fetched) =>
        new(ehr, new Uri(status), "/state/bulk/job", "Observation,Patient|", TestDatabase.Start, true, ["MedicationAdministration"],
            fetched.ToDictionary(f => f.Url, f => f.File, StringComparer.Ordinal));

    [Fact]
    public async Task GetBulkExportJobAsync_NoneSaved_Null()
    {
        using var db = await TestDatabase.MigratedAsync();

        Assert.Null(await db.Store.GetBulkExportJobAsync("ehr-a", Ct));
    }

    [Fact]
    public async Task SaveThenMarkFetched_AnotherProcess_ReadsJobAndFiles()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.SaveBulkExportJobAsync(Job("ehr-a", "https://ehr.example/fhir/$export-status/1"), Ct);

        await db.Store.MarkBulkExportFileFetchedAsync("ehr-a", new Uri("https://ehr.example/files/1.ndjson"), "0001.Patient.ndjson", Ct);
        await db.Store.MarkBulkExportFileFetchedAsync("ehr-a", new Uri("https://ehr.example/files/2.ndjson"), "0002.Observation.ndjson.gz", Ct);
        var read = await db.Open().GetBulkExportJobAsync("ehr-a", Ct);

        Assert.NotNull(read);
        Assert.Equal("https://ehr.example/fhir/$export-status/1", read.StatusUrl.AbsoluteUri);
        Assert.Equal(("/state/bulk/job", "Observation,Patient|", true, TestDatabase.Start), (read.Folder, read.Shape, read.SinceSent, read.KickedOffAt));
        Assert.Equal(["MedicationAdministration"], read.TypesByRest);
        Assert.Equal("0002.Observation.ndjson.gz", read.Fetched["https://ehr.example/files/2.ndjson"]);
        Assert.Equal(2, read.Fetched.Count);
        Assert.Null(await db.Store.GetBulkExportJobAsync("ehr-b", Ct));
    }

    [Fact]
    public async Task SaveBulkExportJobAsync_NewJob_ReplacesTheOldAndItsFiles()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.SaveBulkExportJobAsync(Job("ehr-a", "https://ehr.example/fhir/$export-status/1", ("https://ehr.example/files/1.ndjson", "0001.Patient.ndjson")), Ct);

        await db.Store.SaveBulkExportJobAsync(Job("ehr-a", "https://ehr.example/fhir/$export-status/2"), Ct);
        var read = await db.Store.GetBulkExportJobAsync("ehr-a", Ct);

        Assert.EndsWith("/2", read!.StatusUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(read.Fetched);
    }

    [Fact]
    public async Task ClearBulkExportJobAsync_Saved_GoneForThatEhrOnly()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.SaveBulkExportJobAsync(Job("ehr-a", "https://a.example/s/1", ("https://a.example/f/1", "0001.Patient.ndjson")), Ct);
        await db.Store.SaveBulkExportJobAsync(Job("ehr-b", "https://b.example/s/1"), Ct);

        await db.Store.ClearBulkExportJobAsync("ehr-a", Ct);

        Assert.Null(await db.Store.GetBulkExportJobAsync("ehr-a", Ct));
        Assert.NotNull(await db.Store.GetBulkExportJobAsync("ehr-b", Ct));
    }
}
