namespace Interop.Store.Tests;

public sealed class WatermarkTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task GetWatermarkAsync_NeverAdvanced_ReturnsNull()
    {
        using var db = await TestDatabase.MigratedAsync();

        Assert.Null(await db.Store.GetWatermarkAsync("ehr-a", Ct));
    }

    [Fact]
    public async Task AdvanceWatermarkAsync_WithOffset_ReadsBackSameInstantInUtc()
    {
        using var db = await TestDatabase.MigratedAsync();
        var value = new DateTimeOffset(2026, 2, 28, 23, 59, 59, 123, TimeSpan.FromHours(2)).AddTicks(4567);

        await db.Store.AdvanceWatermarkAsync("ehr-a", value, Ct);
        var read = await db.Open().GetWatermarkAsync("ehr-a", Ct);

        Assert.Equal(value, read);
        Assert.Equal(TimeSpan.Zero, read!.Value.Offset);
        Assert.Equal(value.UtcTicks, read.Value.UtcTicks);
    }

    [Fact]
    public async Task AdvanceWatermarkAsync_OlderValue_KeepsNewer()
    {
        using var db = await TestDatabase.MigratedAsync();
        var newer = TestDatabase.Start.AddHours(5);
        await db.Store.AdvanceWatermarkAsync("ehr-a", newer, Ct);

        await db.Store.AdvanceWatermarkAsync("ehr-a", newer.AddMinutes(-1), Ct);

        Assert.Equal(newer, await db.Store.GetWatermarkAsync("ehr-a", Ct));
    }

    [Fact]
    public async Task AdvanceWatermarkAsync_TwoEhrs_AreIndependent()
    {
        using var db = await TestDatabase.MigratedAsync();

        await db.Store.AdvanceWatermarkAsync("ehr-a", TestDatabase.Start, Ct);
        await db.Store.AdvanceWatermarkAsync("ehr-b", TestDatabase.Start.AddDays(1), Ct);
        await db.Store.AdvanceWatermarkAsync("ehr-a", TestDatabase.Start.AddHours(1), Ct);

        Assert.Equal(TestDatabase.Start.AddHours(1), await db.Store.GetWatermarkAsync("ehr-a", Ct));
        Assert.Equal(TestDatabase.Start.AddDays(1), await db.Store.GetWatermarkAsync("ehr-b", Ct));
    }

    [Fact]
    public async Task ResetWatermarkAsync_Advanced_ForgetsIt()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.AdvanceWatermarkAsync("ehr-a", TestDatabase.Start, Ct);

        await db.Store.ResetWatermarkAsync("ehr-a", Ct);

        Assert.Null(await db.Store.GetWatermarkAsync("ehr-a", Ct));
    }
}
