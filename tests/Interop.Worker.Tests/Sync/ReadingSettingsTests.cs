using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.Sync;

/// <summary>The Observation settings of section Reading: a wrong one stops the run before any work, naming the setting.</summary>
public sealed class ReadingSettingsTests
{
    [Theory]
    [InlineData("Reading:UnitMaps:0", "missing-units.json", "Reading:UnitMaps:0: unit map")]
    [InlineData("Reading:TextAnswers:detected:0", "yes", "Reading:TextAnswers:detected is not an answer concept")]
    [InlineData("Reading:MrdTextValues", "sometimes", "Reading:MrdTextValues")]
    [InlineData("Reading:MrdTextValue", "true", "MrdTextValue")]
    public async Task Sync_BadReadingSetting_ConfigurationErrorNamingTheSetting(string key, string value, string expected)
    {
        using var work = new TempFolder();
        var setting = value.EndsWith(".json", StringComparison.Ordinal) ? work.Combine(value) : value;

        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RepositoryPaths.SampleExport, "--out", work.Combine("out"), "--dry-run"],
            new Dictionary<string, string?> { [key] = setting });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.Combine("out")));
    }
}
