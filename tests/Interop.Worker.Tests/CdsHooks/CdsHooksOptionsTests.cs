using Interop.Testing;
using Interop.Worker.CdsHooks.ClientAuthentication;
using Interop.Worker.Tests.Api;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.CdsHooks;

public sealed class CdsHooksOptionsTests
{
    private const string Path = "CdsHooks:TrustedClients:epic";

    [Fact]
    public void Validate_Defaults_NoTrustedClientAndValid()
    {
        var options = new CdsHooksOptions();

        Assert.Empty(options.Validate());
        Assert.Empty(options.TrustedClients);
    }

    [Fact]
    public void Validate_TrustedClientWithoutServiceBaseUrl_NamesTheSetting()
    {
        var options = new CdsHooksOptions { TrustedClients = { ["epic"] = Client(jwksUrl: "https://ehr.test/jwks.json") } };

        var error = Assert.Single(options.Validate());

        Assert.StartsWith("CdsHooks:ServiceBaseUrl is required when CdsHooks:TrustedClients are configured", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://interop.hospital.test")]
    [InlineData("interop.hospital.test")]
    [InlineData("https://interop.hospital.test/?x=1")]
    public void Validate_ServiceBaseUrlNotHttps_NamesTheSetting(string url)
    {
        var options = new CdsHooksOptions { ServiceBaseUrl = url };

        Assert.Equal(["CdsHooks:ServiceBaseUrl must be an absolute https URL (http only on a loopback address) without query or fragment"], options.Validate());
    }

    [Theory]
    [InlineData("https://ehr.test/jwks.json", true)]
    [InlineData("http://127.0.0.1:8080/jwks.json", true)]
    [InlineData("http://localhost:8080/jwks.json", true)]
    [InlineData("http://ehr.test/jwks.json", false)]
    [InlineData("ftp://ehr.test/jwks.json", false)]
    [InlineData("jwks.json", false)]
    public void Validate_JwksUrl_HttpsOrLoopbackOnly(string url, bool valid)
    {
        var errors = Valid(Client(jwksUrl: url)).Validate();

        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal($"{Path}:JwksUrl must be an absolute https URL (http only on a loopback address)", e));
    }

    [Fact]
    public void Validate_BothOrNeitherKeySource_NamesTheClient()
    {
        var both = Valid(Client(jwksUrl: "https://ehr.test/jwks.json", jwksFile: "jwks.json")).Validate();
        var neither = Valid(Client()).Validate();

        Assert.Equal([$"{Path}: set exactly one of JwksUrl or JwksFile (where the client's public keys are)"], both);
        Assert.Equal(both, neither);
    }

    [Fact]
    public void Validate_JwksFileMissingOrNotAJwkSet_NamesTheSetting()
    {
        using var folder = new TempFolder();
        var notJwks = System.IO.Path.Combine(folder.Path, "not-jwks.json");
        File.WriteAllText(notJwks, "{\"hello\": 1}");
        using var signer = CdsClientSigner.Es384("https://ehr.test", "k1");
        var jwks = System.IO.Path.Combine(folder.Path, "jwks.json");
        File.WriteAllText(jwks, signer.Jwks());

        var missing = Valid(Client(jwksFile: System.IO.Path.Combine(folder.Path, "absent.json"))).Validate();
        var invalid = Valid(Client(jwksFile: notJwks)).Validate();

        Assert.StartsWith($"{Path}:JwksFile '", Assert.Single(missing), StringComparison.Ordinal);
        Assert.EndsWith("absent.json' does not exist", missing[0], StringComparison.Ordinal);
        Assert.StartsWith($"{Path}:JwksFile '", Assert.Single(invalid), StringComparison.Ordinal);
        Assert.Empty(Valid(Client(jwksFile: jwks)).Validate());
    }

    [Fact]
    public void Validate_NoIssuerOrEmptyTenant_NamesTheSetting()
    {
        var client = Client(jwksUrl: "https://ehr.test/jwks.json");
        client.Issuer = " ";
        client.Tenant = "";

        Assert.Equal([$"{Path}:Issuer is required (the iss of the client's tokens)", $"{Path}:Tenant is empty (leave it out to accept any)"], Valid(client).Validate());
    }

    [Fact]
    public void Validate_TwoClientsWithOneIssuer_NamesBoth()
    {
        var options = Valid(Client(jwksUrl: "https://ehr.test/jwks.json"));
        options.TrustedClients["cerner"] = Client(jwksUrl: "https://ehr.test/other.json");

        Assert.Equal(["CdsHooks:TrustedClients: epic, cerner have the same Issuer"], options.Validate());
    }

    [Fact]
    public async Task StartAsync_TrustedClientWithoutServiceBaseUrl_FailsNamingTheSetting()
    {
        using var folder = new TempFolder();
        var settings = ApiServer.Settings(folder.Path);
        settings["CdsHooks:TrustedClients:epic:Issuer"] = "https://ehr.test";
        settings["CdsHooks:TrustedClients:epic:JwksUrl"] = "https://ehr.test/jwks.json";

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ApiServer.Build(settings, new FakeSyncTrigger());
            await app.StartAsync();
        });

        Assert.Contains("CdsHooks:ServiceBaseUrl is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_UnknownCdsHooksSetting_Fails()
    {
        using var folder = new TempFolder();
        var settings = ApiServer.Settings(folder.Path);
        settings["CdsHooks:TrustedClients:epic:JwksUri"] = "https://ehr.test/jwks.json";

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = ApiServer.Build(settings, new FakeSyncTrigger());
            await app.StartAsync();
        });

        Assert.Contains("JwksUri", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AudienceFor_BaseWithOrWithoutSlash_IsBaseAndPath()
    {
        Assert.Equal("https://cds.test/x/cds-services/svc", new CdsHooksOptions { ServiceBaseUrl = "https://cds.test/x/" }.AudienceFor("/cds-services/svc"));
        Assert.Equal("https://cds.test/cds-services", new CdsHooksOptions { ServiceBaseUrl = "https://cds.test" }.AudienceFor("/cds-services/"));
    }

    private static CdsHooksOptions Valid(CdsTrustedClientOptions client) =>
        new() { ServiceBaseUrl = "https://interop.hospital.test", TrustedClients = { ["epic"] = client } };

    private static CdsTrustedClientOptions Client(string? jwksUrl = null, string? jwksFile = null) =>
        new() { Issuer = "https://ehr.test", JwksUrl = jwksUrl, JwksFile = jwksFile };
}
