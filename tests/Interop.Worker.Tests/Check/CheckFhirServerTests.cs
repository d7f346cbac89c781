using System.Text.Json;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.Check;

/// <summary><c>check</c> against the real local FHIR server (tests/fhir-server), without and with a bearer token.</summary>
public sealed class CheckFhirServerTests(CheckFhirServerTests.Server fixture) : IClassFixture<CheckFhirServerTests.Server>
{
    private const string Token = "check-secret-token-4711";

    [Fact]
    public async Task Check_LocalServer_AllPassExitZero()
    {
        var result = await CliRunner.RunAsync(["check", "--source", fixture.Open.BaseUri.ToString()]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Output + result.Error);
        var lines = ReportLines(result.Output);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("PASS  ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("reachable", StringComparison.Ordinal) && l.Contains(" ms", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("search MedicationAdministration", StringComparison.Ordinal));
        Assert.Contains("ready: a sync can run", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LocalServerAsJson_ReportsCanSyncAndEveryCheck()
    {
        var result = await CliRunner.RunAsync(["check", "--source", fixture.Open.BaseUri.ToString(), "--format", "json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("canSync").GetBoolean());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks, c => Assert.Equal("PASS", c.GetProperty("status").GetString()));
        Assert.Contains(checks, c => c.GetProperty("check").GetString() == "transaction");
        Assert.Equal(EhrBase(fixture.Open), json.RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Check_BearerServerTokenFromEnvironment_PassesAuthentication()
    {
        var variable = "INTEROP_CHECK_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Token);
        try
        {
            var result = await CliRunner.RunAsync(["check", "--source", fixture.Bearer.BaseUri.ToString()], BearerSettings(variable));

            Assert.True(result.ExitCode == ExitCodes.Success, result.Output + result.Error);
            Assert.Contains(ReportLines(result.Output), l => l.StartsWith("PASS  authentication", StringComparison.Ordinal));
            Assert.Contains(ReportLines(result.Output), l => l.StartsWith("WARN  write-scopes", StringComparison.Ordinal));
            Assert.DoesNotContain(Token, result.Output + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Check_BearerServerWrongToken_FailsAuthenticationExitNonZero()
    {
        var variable = "INTEROP_CHECK_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "wrong-token-0815");
        try
        {
            var result = await CliRunner.RunAsync(["check", "--source", fixture.Bearer.BaseUri.ToString()], BearerSettings(variable));

            Assert.NotEqual(ExitCodes.Success, result.ExitCode);
            Assert.Contains(ReportLines(result.Output), l => l.StartsWith("FAIL  authentication", StringComparison.Ordinal) && l.Contains("401", StringComparison.Ordinal));
            Assert.DoesNotContain("wrong-token-0815", result.Output + result.Error, StringComparison.Ordinal);
            Assert.Contains("not ready", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Check_BearerServerTokenVariableUnset_FailsAuthenticationNamingTheSetting()
    {
        var variable = "INTEROP_CHECK_TOKEN_" + Guid.NewGuid().ToString("N");

        var result = await CliRunner.RunAsync(["check", "--source", fixture.Bearer.BaseUri.ToString()], BearerSettings(variable));

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Contains(ReportLines(result.Output), l => l.StartsWith("FAIL  authentication", StringComparison.Ordinal) && l.Contains("Ehrs:local:Auth:BearerTokenEnvironmentVariable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_BearerServerAdHocWithoutAuthentication_FailsAuthentication()
    {
        var result = await CliRunner.RunAsync(["check", "--source", fixture.Bearer.BaseUri.ToString()]);

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Contains(ReportLines(result.Output), l => l.StartsWith("FAIL  authentication", StringComparison.Ordinal) && l.Contains("requires authentication", StringComparison.Ordinal));
    }

    internal static IReadOnlyList<string> ReportLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("PASS", StringComparison.Ordinal) || l.StartsWith("WARN", StringComparison.Ordinal) || l.StartsWith("FAIL", StringComparison.Ordinal))
            .ToList();

    private static string EhrBase(FhirServerFixture server) => server.BaseUri.ToString().TrimEnd('/');

    private Dictionary<string, string?> BearerSettings(string variable) => new()
    {
        ["Ehrs:local:BaseUrl"] = fixture.Bearer.BaseUri.ToString(),
        ["Ehrs:local:Auth:Mode"] = "Bearer",
        ["Ehrs:local:Auth:BearerTokenEnvironmentVariable"] = variable,
    };

    /// <summary>Two local FHIR servers: one open, one requiring <see cref="Token"/>.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public FhirServerFixture Open { get; } = new();

        public FhirServerFixture Bearer { get; } = new(new FhirServerOptions { BearerToken = Token });

        public async Task InitializeAsync()
        {
            await Open.StartAsync();
            await Bearer.StartAsync();
        }

        public async Task DisposeAsync()
        {
            await Open.DisposeAsync();
            await Bearer.DisposeAsync();
        }
    }
}
