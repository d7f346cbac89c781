namespace Interop.Store.Tests;

/// <summary>Which server an EHR name reached (issue 14): recorded per run; another server forgets the old one's read position.</summary>
public sealed class ServerIdentityStateTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly EhrServerIdentity A = new("https://ehr-a.example/fhir", "https://ehr-a.example/fhir");

    [Fact]
    public async Task RecordServerIdentityAsync_FirstRunThenSameServer_NoChangeAndStateKept()
    {
        using var db = await TestDatabase.MigratedAsync();
        Assert.Null(await db.Store.RecordServerIdentityAsync("ehr-a", A, Ct));
        await db.Store.AdvanceWatermarkAsync("ehr-a", TestDatabase.Start, Ct);
        await db.Store.RecordDriftScanAsync("ehr-a", TestDatabase.Start, TestDatabase.Start, Ct);

        Assert.Null(await db.Store.RecordServerIdentityAsync("ehr-a", A, Ct));

        Assert.NotNull(await db.Store.GetWatermarkAsync("ehr-a", Ct));
        Assert.NotNull(await db.Store.GetDriftScanAsync("ehr-a", Ct));
        Assert.Equal(A, await db.Store.GetServerIdentityAsync("ehr-a", Ct));
    }

    [Theory]
    [InlineData("https://ehr-b.example/fhir", "https://ehr-a.example/fhir")]
    [InlineData("https://ehr-a.example/fhir", "https://ehr-b.example/fhir")]
    [InlineData("https://ehr-a.example/fhir/", null)]
    public async Task RecordServerIdentityAsync_AnotherServer_ReturnsTheChangeAndForgetsTheReadPosition(string baseUrl, string? implementation)
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.RecordServerIdentityAsync("ehr-a", A, Ct);
        await db.Store.AdvanceWatermarkAsync("ehr-a", TestDatabase.Start, Ct);
        await db.Store.RecordDriftScanAsync("ehr-a", TestDatabase.Start, TestDatabase.Start, Ct);
        await db.Store.AdvanceWatermarkAsync("ehr-b", TestDatabase.Start, Ct);
        var now = new EhrServerIdentity(baseUrl, implementation);

        var change = await db.Store.RecordServerIdentityAsync("ehr-a", now, Ct);

        Assert.Equal(new ServerIdentityChange(A, now), change);
        Assert.Null(await db.Store.GetWatermarkAsync("ehr-a", Ct));
        Assert.Null(await db.Store.GetDriftScanAsync("ehr-a", Ct));
        Assert.NotNull(await db.Store.GetWatermarkAsync("ehr-b", Ct));
        Assert.Null(await db.Store.RecordServerIdentityAsync("ehr-a", now, Ct));
    }

    [Fact]
    public async Task RecordServerIdentityAsync_ImplementationKnownOnOneSideOnly_IsTheSameServer()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.RecordServerIdentityAsync("ehr-a", A with { ImplementationUrl = null }, Ct);

        Assert.Null(await db.Store.RecordServerIdentityAsync("ehr-a", A, Ct));
        Assert.Null(await db.Store.RecordServerIdentityAsync("ehr-a", A with { ImplementationUrl = null }, Ct));
        Assert.Equal(A, await db.Store.GetServerIdentityAsync("ehr-a", Ct));
    }
}
