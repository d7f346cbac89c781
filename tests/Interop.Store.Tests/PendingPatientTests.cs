namespace Interop.Store.Tests;

public sealed class PendingPatientTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task RecordPendingPatientAsync_FailsTwice_CountsAttemptsAndKeepsFirstFailure()
    {
        using var db = await TestDatabase.MigratedAsync();

        await db.Store.RecordPendingPatientAsync("ehr-a", "p1", "evaluation-failed", Ct);
        db.Time.Advance(TimeSpan.FromDays(1));
        var second = await db.Store.RecordPendingPatientAsync("ehr-a", "p1", "write-rejected", Ct);

        var expected = new PendingPatient("ehr-a", "p1", "write-rejected", 2, TestDatabase.Start, TestDatabase.Start.AddDays(1));
        Assert.Equal(expected, second);
        Assert.Equal(expected, Assert.Single(await db.Store.ListPendingPatientsAsync("ehr-a", Ct)));
    }

    [Fact]
    public async Task ListPendingPatientsAsync_SeveralEhrs_ListsOneEhrOldestFirst()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.RecordPendingPatientAsync("ehr-a", "p2", "write-failed", Ct);
        db.Time.Advance(TimeSpan.FromMinutes(1));
        await db.Store.RecordPendingPatientAsync("ehr-a", "p1", "write-failed", Ct);
        await db.Store.RecordPendingPatientAsync("ehr-b", "p3", "write-failed", Ct);

        var pending = await db.Store.ListPendingPatientsAsync("ehr-a", Ct);

        Assert.Equal(["p2", "p1"], pending.Select(p => p.PatientId));
    }

    [Fact]
    public async Task RemovePendingPatientAsync_Queued_RemovesOnlyThatPatient()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.RecordPendingPatientAsync("ehr-a", "p1", "write-failed", Ct);
        await db.Store.RecordPendingPatientAsync("ehr-a", "p2", "write-failed", Ct);

        Assert.True(await db.Store.RemovePendingPatientAsync("ehr-a", "p1", Ct));
        Assert.False(await db.Store.RemovePendingPatientAsync("ehr-a", "p1", Ct));

        Assert.Equal(["p2"], (await db.Store.ListPendingPatientsAsync("ehr-a", Ct)).Select(p => p.PatientId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Write failed for Jane Doe")]
    [InlineData("HTTP 500: <html>")]
    public async Task RecordPendingPatientAsync_ReasonNotACategory_Throws(string reason)
    {
        using var db = await TestDatabase.MigratedAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => db.Store.RecordPendingPatientAsync("ehr-a", "p1", reason, Ct));

        Assert.Equal("reason", ex.ParamName);
        Assert.Empty(await db.Store.ListPendingPatientsAsync("ehr-a", Ct));
    }
}
