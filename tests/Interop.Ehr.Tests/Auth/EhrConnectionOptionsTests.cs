using Interop.Ehr.Auth;
using Interop.Ehr.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Ehr.Tests.Auth;

public sealed class EhrConnectionOptionsTests
{
    private static EhrConnectionOptions Smart(string baseUrl = "https://ehr.example.org/fhir") => new()
    {
        BaseUrl = new Uri(baseUrl),
        Auth = new EhrAuthOptions
        {
            Mode = EhrAuthMode.SmartBackendServices,
            ClientId = "interop",
            KeyId = "k1",
            PrivateKeyFile = "/run/secrets/interop.pem",
        },
    };

    [Fact]
    public void Validate_CompleteSmartOverHttps_NoErrors() => Assert.Empty(Smart().Validate("main"));

    [Fact]
    public void Validate_PlainHttpToAnotherHost_Rejected()
    {
        var errors = Smart("http://ehr.example.org/fhir").Validate("main");

        Assert.Contains(errors, e => e.Contains("Ehrs:main:BaseUrl uses plain http", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PlainHttpExplicitlyAllowed_Accepted()
    {
        var options = Smart("http://ehr.test.internal/fhir");
        options.AllowInsecureHttp = true;

        Assert.Empty(options.Validate("main"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/fhir")]
    [InlineData("http://localhost:8080/fhir")]
    public void Validate_NoAuthOnLoopback_Accepted(string url) =>
        Assert.Empty(new EhrConnectionOptions { BaseUrl = new Uri(url) }.Validate("local"));

    [Fact]
    public void Validate_NoAuthOnAnotherHost_Rejected()
    {
        var errors = new EhrConnectionOptions { BaseUrl = new Uri("https://ehr.example.org/fhir") }.Validate("main");

        Assert.Contains(errors, e => e.Contains("Ehrs:main:Auth:Mode None is allowed only for a loopback", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TokenPastedIntoVariableSetting_RejectedWithoutRepeatingIt()
    {
        const string Token = "eyJhbGciOiJSUzM4NCJ9.eyJzdWIiOiJpbnRlcm9wIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        var options = new EhrConnectionOptions
        {
            BaseUrl = new Uri("https://ehr.example.org/fhir"),
            Auth = new EhrAuthOptions { Mode = EhrAuthMode.Bearer, BearerTokenEnvironmentVariable = Token },
        };

        var error = Assert.Single(options.Validate("main"));

        Assert.Contains("Ehrs:main:Auth:BearerTokenEnvironmentVariable must be the NAME", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenPastedIntoFileSetting_Rejected()
    {
        var options = new EhrConnectionOptions
        {
            BaseUrl = new Uri("https://ehr.example.org/fhir"),
            Auth = new EhrAuthOptions { Mode = EhrAuthMode.Bearer, BearerTokenFile = "eyJhbGciOiJSUzM4NCJ9.eyJzdWIiOiJpbnRlcm9wIn0.c2lnbmF0dXJl" },
        };

        Assert.Contains(options.Validate("main"), e => e.Contains("BearerTokenFile must be the PATH", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PemPastedIntoKeySetting_Rejected()
    {
        var options = Smart();
        options.Auth.PrivateKeyFile = null;
        options.Auth.PrivateKeyEnvironmentVariable = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";

        var error = Assert.Single(options.Validate("main"));

        Assert.Contains("PrivateKeyEnvironmentVariable must be the NAME", error, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SmartIncomplete_NamesEverySetting()
    {
        var options = Smart();
        options.Auth.ClientId = null;
        options.Auth.KeyId = null;
        options.Auth.PrivateKeyEnvironmentVariable = "INTEROP_KEY";
        options.Auth.Algorithm = "HS256";

        var errors = options.Validate("main");

        Assert.Contains(errors, e => e.Contains("Ehrs:main:Auth:ClientId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Ehrs:main:Auth:KeyId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("exactly one of Ehrs:main:Auth:PrivateKeyFile", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Ehrs:main:Auth:Algorithm must be RS384 or ES384", StringComparison.Ordinal));
    }

    [Fact]
    public void AddFhirEhrClient_InvalidOptions_StartupValidationFails()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFhirEhrClient("main", o => o.BaseUrl = new Uri("http://ehr.example.org/fhir"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("main", error.OptionsName);
        Assert.Contains(error.Failures, f => f.Contains("Ehrs:main:BaseUrl uses plain http", StringComparison.Ordinal));
    }
}
