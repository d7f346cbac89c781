using Interop.Testing;
using Interop.Sync;
using Interop.Sync.Live;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.WriteBack;

/// <summary>The <c>WriteBack</c> settings: each bound checked at its edge, unknown keys refused on start.</summary>
public sealed class WriteBackOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(new WriteBackOptions().Validate());

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Validate_WriteAttempts_OneToTen(int attempts, bool valid) =>
        Assert.Equal(valid, new WriteBackOptions { WriteAttempts = attempts }.Validate().Count == 0);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Validate_DuplicateMaxAttempts_OneToHundred(int attempts, bool valid) =>
        Assert.Equal(valid, new WriteBackOptions { DuplicateMaxAttempts = attempts }.Validate().Count == 0);

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    public void Validate_FullReconcileInterval_AtLeastAMinute(int seconds, bool valid) =>
        Assert.Equal(valid, new WriteBackOptions { FullReconcileInterval = TimeSpan.FromSeconds(seconds) }.Validate().Count == 0);

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(5000, true)]
    [InlineData(5001, false)]
    public void Validate_ScanPageSize_TenToFiveThousand(int size, bool valid) =>
        Assert.Equal(valid, new WriteBackOptions { ScanPageSize = size }.Validate().Count == 0);

    [Fact]
    public void Validate_BadValue_NamesTheSetting() =>
        Assert.Equal(["WriteBack:WriteAttempts must be 1-10"], new WriteBackOptions { WriteAttempts = 0 }.Validate());

    [Fact]
    public async Task Sync_UnknownWriteBackKey_IsConfigurationErrorNamingIt()
    {
        using var output = new TempFolder();

        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RepositoryPaths.SampleExport, "--out", output.Path],
            new Dictionary<string, string?> { ["WriteBack:FullReconcileIntervall"] = "1.00:00:00" });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("FullReconcileIntervall", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_InvalidWriteBackValue_IsConfigurationErrorNamingTheSetting()
    {
        using var output = new TempFolder();

        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RepositoryPaths.SampleExport, "--out", output.Path],
            new Dictionary<string, string?> { ["WriteBack:DuplicateMaxAttempts"] = "0" });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("WriteBack:DuplicateMaxAttempts", result.Error, StringComparison.Ordinal);
    }
}
