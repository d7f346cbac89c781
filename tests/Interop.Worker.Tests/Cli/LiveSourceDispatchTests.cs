using Interop.Sync;

namespace Interop.Worker.Tests.Cli;

/// <summary>How <c>--source &lt;url&gt;</c> picks an EHR, and the configuration it refuses before any request.</summary>
public sealed class LiveSourceDispatchTests
{
    private const string RemoteBase = "https://ehr.example.org/fhir/r4";

    [Fact]
    public async Task Sync_NonLoopbackUrlWithoutConfiguredEhr_IsUsageErrorAskingForAuthentication()
    {
        var result = await CliRunner.RunAsync(["sync", "--once", "--source", RemoteBase]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("configure Ehrs:<name> with authentication", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NonLoopbackUrlWithoutConfiguredEhr_IsUsageErrorAskingForAuthentication()
    {
        var result = await CliRunner.RunAsync(["check", "--source", RemoteBase + "/"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("configure Ehrs:<name> with authentication", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_PlainHttpToNonLoopbackWithoutConfiguredEhr_IsUsageErrorRefusingHttp()
    {
        var result = await CliRunner.RunAsync(["sync", "--once", "--source", "http://ehr.example.org/fhir"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Plain http is refused", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_PlainHttpToNonLoopbackConfiguredEhr_IsConfigurationErrorNamingAllowInsecureHttp()
    {
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", "http://ehr.example.org/fhir"],
            new Dictionary<string, string?>
            {
                ["Ehrs:hospital:BaseUrl"] = "http://ehr.example.org/fhir",
                ["Ehrs:hospital:Auth:Mode"] = "Bearer",
                ["Ehrs:hospital:Auth:BearerTokenEnvironmentVariable"] = "HOSPITAL_FHIR_TOKEN",
            });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Ehrs:hospital:AllowInsecureHttp", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_LiteralTokenInConfiguration_IsConfigurationErrorWithoutTheSecret()
    {
        const string token = "eyJhbGciOiJSUzM4NCJ9.eyJzdWIiOiJpbnRlcm9wIn0.c2lnbmF0dXJlLXZhbHVl";
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RemoteBase],
            new Dictionary<string, string?>
            {
                ["Ehrs:hospital:BaseUrl"] = RemoteBase,
                ["Ehrs:hospital:Auth:Mode"] = "Bearer",
                ["Ehrs:hospital:Auth:BearerTokenEnvironmentVariable"] = token,
            });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Ehrs:hospital:Auth:BearerTokenEnvironmentVariable", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnknownEhrSetting_IsConfigurationErrorNamingTheKey()
    {
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RemoteBase],
            new Dictionary<string, string?>
            {
                ["Ehrs:hospital:BaseUrl"] = RemoteBase,
                ["Ehrs:hospital:Auth:Mode"] = "Bearer",
                ["Ehrs:hospital:Auth:BearerTokenEnvironmentVariable"] = "HOSPITAL_FHIR_TOKEN",
                ["Ehrs:hospital:Auth:BearerToken"] = "x",
            });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("BearerToken", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_BadStoreProvider_IsConfigurationErrorNamingTheSetting()
    {
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RemoteBase],
            new Dictionary<string, string?> { ["Store:Provider"] = "Oracle" });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Store:Provider", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_SourceUrlWithQuery_IsUsageErrorWithoutTheQuery()
    {
        var result = await CliRunner.RunAsync(["sync", "--once", "--source", "https://ehr.example.org/fhir?patient=secret-id"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.DoesNotContain("secret-id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_NonHttpUrl_IsUsageError()
    {
        var result = await CliRunner.RunAsync(["sync", "--once", "--source", "ftp://ehr.example.org/export"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--source", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithoutSource_IsUsageError()
    {
        var result = await CliRunner.RunAsync(["check"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }
}
