using System.Security.Cryptography;
using System.Text.Json;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.Check;

/// <summary><c>check</c> against the local FHIR server with SMART Backend Services on (RS384 key from a file).</summary>
public sealed class CheckSmartTests(CheckSmartTests.Server fixture) : IClassFixture<CheckSmartTests.Server>
{
    [Fact]
    public async Task Check_SmartServer_TokenObtainedAuthenticationPassesScopesWarn()
    {
        var result = await CliRunner.RunAsync(["check", "--source", fixture.Fhir.BaseUri.ToString()], fixture.Settings());

        Assert.True(result.ExitCode == ExitCodes.Success, result.Output + result.Error);
        var lines = CheckFhirServerTests.ReportLines(result.Output);
        Assert.Contains(lines, l => l.StartsWith("PASS  authentication", StringComparison.Ordinal) && l.Contains("SMART", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("WARN  write-scopes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_SmartScopesWithoutWrite_FailsWriteScopes()
    {
        var settings = fixture.Settings();
        settings["Ehrs:smart:Auth:Scopes"] = "system/Patient.read system/Observation.read";

        var result = await CliRunner.RunAsync(["check", "--source", fixture.Fhir.BaseUri.ToString(), "--format", "json"], settings);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var scopes = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "write-scopes");
        Assert.Equal("FAIL", scopes.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Check_SmartUnknownClientId_FailsAuthentication()
    {
        var settings = fixture.Settings();
        settings["Ehrs:smart:Auth:ClientId"] = "someone-else";

        var result = await CliRunner.RunAsync(["check", "--source", fixture.Fhir.BaseUri.ToString()], settings);

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        var line = Assert.Single(CheckFhirServerTests.ReportLines(result.Output), l => l.StartsWith("FAIL  authentication", StringComparison.Ordinal));
        Assert.True(line.Contains("Ehrs:smart:Auth:ClientId", StringComparison.Ordinal), line);
    }

    /// <summary>A SMART-enabled server trusting one RSA key, and the key's PEM file.</summary>
    public sealed class Server : IAsyncLifetime, IDisposable
    {
        private const string ClientId = "interop-check";
        private const int KeyCount = 8;
        private readonly TempFolder _folder = new();
        private int _nextKey = -1;

        public Server()
        {
            // One key per CLI run: Microsoft.IdentityModel caches signature providers per key process-wide, and a
            // run's host disposes its key, so a second host loading the same key file signs with a disposed key
            // (an Interop.Ehr issue, reported). Distinct keys keep these tests independent of that.
            var keys = new List<object>();
            for (var i = 0; i < KeyCount; i++)
            {
                using var rsa = RSA.Create(2048);
                var parameters = rsa.ExportParameters(includePrivateParameters: false);
                keys.Add(new { kty = "RSA", kid = $"check-key-{i}", alg = "RS384", use = "sig", n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) });
                File.WriteAllText(_folder.Combine($"key-{i}.pem"), rsa.ExportPkcs8PrivateKeyPem());
            }

            File.WriteAllText(_folder.Combine("jwks.json"), JsonSerializer.Serialize(new { keys }));
            Fhir = new FhirServerFixture(new FhirServerOptions { SmartJwksPath = _folder.Combine("jwks.json"), SmartClientId = ClientId });
        }

        public FhirServerFixture Fhir { get; }

        public Dictionary<string, string?> Settings()
        {
            var key = Interlocked.Increment(ref _nextKey) % KeyCount;
            return new()
            {
                ["Ehrs:smart:BaseUrl"] = Fhir.BaseUri.ToString(),
                ["Ehrs:smart:Auth:Mode"] = "SmartBackendServices",
                ["Ehrs:smart:Auth:ClientId"] = ClientId,
                ["Ehrs:smart:Auth:KeyId"] = $"check-key-{key}",
                ["Ehrs:smart:Auth:PrivateKeyFile"] = _folder.Combine($"key-{key}.pem"),
            };
        }

        public Task InitializeAsync() => Fhir.StartAsync();

        public async Task DisposeAsync() => await Fhir.DisposeAsync();

        public void Dispose() => _folder.Dispose();

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
