using System.Reflection;
using System.Text.Json;
using Interop.Testing;
using Interop.Worker.Configuration;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using Microsoft.Extensions.Configuration;

namespace Interop.Worker.Tests.Configuration;

/// <summary>Unknown sections and settings stop every verb with exit code 2, named by their full path; other people's environment variables do not.</summary>
public sealed class ConfigurationCheckTests
{
    private const string Known = "Api, CdsHooks, Ehrs, Health, Interop, Kestrel, Logging, Reading, Report, Rules, RunLease, Schedule, Store, Telemetry, WriteBack";

    [Fact]
    public async Task Sync_UnknownSection_ExitsTwoListingTheKnownSections()
    {
        var result = await CliRunner.RunAsync(["sync", "--once", "--dry-run"], new Dictionary<string, string?> { ["Healt:RunGrace"] = "01:00:00" });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"configuration error: 'Healt' is not a known configuration section (known: {Known})", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Health:RunGracee", "Health:RunGracee is not a known setting (known in Health: RunGrace)")]
    [InlineData("Ehrs:hospital:Auth:Mod", "Ehrs:hospital:Auth:Mod is not a known setting (known in Ehrs:hospital:Auth: Algorithm, ")]
    [InlineData("Ehrs:hospital:Resilience:MaxRetry", "Ehrs:hospital:Resilience:MaxRetry is not a known setting (known in Ehrs:hospital:Resilience: ")]
    [InlineData("Api:Keys:cds:Rol", "Api:Keys:cds:Rol is not a known setting (known in Api:Keys:cds: Role, Sha256)")]
    [InlineData("Interop:SiteTimeZone:Name", "Interop:SiteTimeZone:Name is not a known setting (Interop:SiteTimeZone is a single value)")]
    [InlineData("RunLease:Duration", "RunLease:Duration is not a known setting (known in RunLease: RenewInterval, Ttl)")]
    public async Task Sync_UnknownSetting_ExitsTwoNamingItsFullPath(string key, string message)
    {
        var result = await CliRunner.RunAsync(["sync", "--once", "--dry-run"], new Dictionary<string, string?> { [key] = "x" });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("configuration error: " + message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_EnvironmentNotMeantForUs_IsNeitherReadNorAnError()
    {
        using var scratch = new TempFolder();
        var result = await CliProcess.RunAsync(["sync", "--once", "--source", scratch.Combine("no-such-export")], Environment(scratch, new()
        {
            ["Healt__RunGrace"] = "not ours: no known section",
            ["DOTNET_gcServer"] = "0",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:1",
            ["SOMEONE_ELSES__SETTING"] = "x",

            // Our prefix, but no section: a name such as a setting's secret variable or a tool's, not a setting.
            ["INTEROP_NODE"] = "/usr/bin/node",
            ["INTEROP_EHR_TOKEN"] = "not-a-setting-token",
        }));

        // Past the configuration: the run stops at the missing folder.
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.DoesNotContain("configuration error", result.Error, StringComparison.Ordinal);
        Assert.Contains("is not a folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_PrefixedVariableOfAnUnknownSection_IsAnError()
    {
        using var scratch = new TempFolder();
        var result = await CliProcess.RunAsync(["sync", "--once", "--dry-run"], Environment(scratch, new() { ["INTEROP_Healt__RunGrace"] = "01:00:00" }));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"configuration error: 'Healt' is not a known configuration section (known: {Known})", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Interop__StudyId")]
    [InlineData("INTEROP_Interop__StudyId")]
    [InlineData("INTEROP_interop__studyid")]
    public async Task Cli_VariableOfAKnownSection_IsRead(string variable)
    {
        using var scratch = new TempFolder();
        var result = await CliProcess.RunAsync(["sync", "--once", "--dry-run"], Environment(scratch, new() { [variable] = "no spaces allowed" }));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("configuration error: Interop:StudyId must be", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownSections_EveryOptionsSectionName_IsListed()
    {
        Assembly[] assemblies =
        [
            typeof(KnownSections).Assembly, typeof(Interop.Domain.Rules.TrialRuleOptions).Assembly, typeof(Interop.Fhir.Mapping.ReadingOptions).Assembly,
            typeof(Interop.Ehr.DependencyInjection.EhrConnectionOptions).Assembly, typeof(Interop.Store.StoreOptions).Assembly,
        ];
        var sections = assemblies.SelectMany(a => a.GetTypes())
            .Select(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f!.GetRawConstantValue()!)
            .ToList();

        Assert.True(sections.Count >= 11, string.Join(", ", sections));
        Assert.All(sections, s => Assert.True(KnownSections.IsKnown(s), $"{s} is not in KnownSections"));
    }

    [Fact]
    public void KnownSections_AppSettingsJson_HasNoOtherSection()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.json")));

        Assert.All(json.RootElement.EnumerateObject(), p => Assert.True(KnownSections.IsKnown(p.Name), p.Name));
        Assert.Empty(UnknownSettings.Find(new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryPaths.Root, "appsettings.json")).Build()));
    }

    [Fact]
    public void UnknownSettings_ListsAndDictionaries_CheckedBelowTheirKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Interop:SiteMaps:0"] = "a.json",
            ["Ehrs:EHR-1:BaseUrl"] = "https://ehr.example.org/fhir",
            ["Ehrs:EHR-1:auth:mode"] = "Bearer",
            ["Ehrs:EHR-1:Auth:Token"] = "x",
            ["Schedule:Targets:EHR-1"] = "0 3 * * *",
            ["Logging:LogLevel:Anything"] = "Trace",
        }).Build();

        var problem = Assert.Single(UnknownSettings.Find(configuration));
        Assert.StartsWith("Ehrs:EHR-1:Auth:Token is not a known setting", problem, StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string?> Environment(TempFolder scratch, Dictionary<string, string?> variables)
    {
        variables["INTEROP_Store__ConnectionString"] = $"Data Source={scratch.Combine("state.db")}";
        return variables;
    }
}
