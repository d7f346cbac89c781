namespace Interop.Store.Tests;

public sealed class LedgerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    internal static LedgerEntry Entry(string patient, string code, string hash, OutcomeStatus status = OutcomeStatus.Final, string version = "1") =>
        new($"blinfant/{code}/{patient}", patient, code, hash, $"obs-{code}-{patient}", version, status, TestDatabase.Start);

    [Fact]
    public async Task UpsertLedgerAsync_NewEntries_ReadBackByPatient()
    {
        using var db = await TestDatabase.MigratedAsync();
        var hash = ContentHash.Of("{\"mrd\":\"negative\"}");

        await db.Store.UpsertLedgerAsync("ehr-a", [Entry("p1", "mrd-class", hash), Entry("p1", "eligibility", "aa"), Entry("p2", "eligibility", "bb")], Ct);

        var ledger = await db.Store.GetLedgerAsync("ehr-a", "p1", Ct);
        Assert.Equal(["blinfant/eligibility/p1", "blinfant/mrd-class/p1"], ledger.Select(e => e.OutcomeIdentifier));
        Assert.Equal(Entry("p1", "mrd-class", hash), ledger[1]);
        Assert.Empty(await db.Store.GetLedgerAsync("ehr-b", "p1", Ct));
    }

    [Fact]
    public async Task UpsertLedgerAsync_KnownIdentifier_ReplacesHashVersionAndStatus()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.UpsertLedgerAsync("ehr-a", [Entry("p1", "mrd-class", "aa")], Ct);

        await db.Store.UpsertLedgerAsync("ehr-a", [Entry("p1", "mrd-class", "BB", OutcomeStatus.Amended, "2")], Ct);

        var entry = Assert.Single(await db.Store.GetLedgerAsync("ehr-a", "p1", Ct));
        Assert.Equal(("bb", "2", OutcomeStatus.Amended), (entry.ContentHash, entry.ServerVersionId, entry.Status));
    }

    [Fact]
    public async Task UpsertLedgerAsync_SameEntriesReplayed_IsHarmless()
    {
        using var db = await TestDatabase.MigratedAsync();
        LedgerEntry[] entries = [Entry("p1", "mrd-class", "aa"), Entry("p1", "risk-group", "cc")];

        await db.Store.UpsertLedgerAsync("ehr-a", entries, Ct);
        await db.Store.UpsertLedgerAsync("ehr-a", entries, Ct);

        Assert.Equal(entries, await db.Store.GetLedgerAsync("ehr-a", "p1", Ct));
    }

    [Fact]
    public async Task UpsertLedgerAsync_OneInvalidEntry_WritesNone()
    {
        using var db = await TestDatabase.MigratedAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            db.Store.UpsertLedgerAsync("ehr-a", [Entry("p1", "mrd-class", "aa"), Entry("p1", "risk-group", "")], Ct));

        Assert.Empty(await db.Store.GetLedgerAsync("ehr-a", "p1", Ct));
    }

    [Fact]
    public async Task ListOutcomeIdentifiersAsync_Patient_ListsOnlyTheirs()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.UpsertLedgerAsync("ehr-a", [Entry("p1", "risk-group", "aa"), Entry("p1", "eligibility", "bb"), Entry("p2", "eligibility", "cc")], Ct);

        var ids = await db.Store.ListOutcomeIdentifiersAsync("ehr-a", "p1", Ct);

        Assert.Equal(["blinfant/eligibility/p1", "blinfant/risk-group/p1"], ids);
    }

    [Fact]
    public async Task Compare_RerunAfterWrite_FindsNothingToWrite()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.UpsertLedgerAsync("ehr-a", [Entry("p1", "eligibility", "aa"), Entry("p1", "mrd-class", "bb")], Ct);

        var diff = LedgerComparison.Compare(
            await db.Store.GetLedgerAsync("ehr-a", "p1", Ct),
            [new("blinfant/eligibility/p1", "aa"), new("blinfant/mrd-class/p1", "BB")]);

        Assert.True(diff.NothingToWrite);
        Assert.Equal(2, diff.Unchanged.Count);
    }
}
