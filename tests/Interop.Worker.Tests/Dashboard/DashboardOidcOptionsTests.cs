using Interop.Testing;
using Interop.Worker.Api;
using Interop.Worker.Dashboard;

namespace Interop.Worker.Tests.Dashboard;

/// <summary><c>Api:Dashboard:Oidc</c> checked on start: each error names its setting; secrets are never values.</summary>
public sealed class DashboardOidcOptionsTests
{
    private const string Path = "Api:Dashboard:Oidc";

    [Fact]
    public void Validate_ClientIdOnlyWithJwt_IsValidPublicClient()
    {
        Assert.Empty(Options(new DashboardOidcOptions { ClientId = "interop-dashboard" }).Validate());
    }

    [Fact]
    public void Validate_WithoutApiJwt_NamesBoth()
    {
        var options = new ApiOptions { Dashboard = { Oidc = new DashboardOidcOptions { ClientId = "interop-dashboard" } } };

        Assert.Equal([$"{Path} needs Api:Jwt (its Authority is the identity provider the dashboard signs in with)"], options.Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Validate_NoClientId_NamesIt(string? clientId)
    {
        Assert.Equal([$"{Path}:ClientId is required"], Options(new DashboardOidcOptions { ClientId = clientId }).Validate());
    }

    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    [InlineData("Xk8r2pQ9vLm4TnW7zYb3Hc6Jd5Fg1")]
    [InlineData("not a name")]
    public void Validate_SecretWhereVariableNameBelongs_NamesTheSetting(string value)
    {
        var errors = Options(new DashboardOidcOptions { ClientId = "c", ClientSecretEnvironmentVariable = value }).Validate();

        var error = Assert.Single(errors);
        Assert.StartsWith($"{Path}:ClientSecretEnvironmentVariable must be the NAME of an environment variable", error, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VariableNotSet_NamesTheSetting()
    {
        var errors = Options(new DashboardOidcOptions { ClientId = "c", ClientSecretEnvironmentVariable = "INTEROP_TEST_UNSET_OIDC_SECRET_4711" }).Validate();

        Assert.Equal([$"{Path}:ClientSecretEnvironmentVariable: the environment variable it names is not set or empty"], errors);
    }

    [Fact]
    public void Validate_FileMissingOrEmpty_NamesTheSetting()
    {
        using var folder = new TempFolder();
        var empty = folder.Combine("empty-secret");
        File.WriteAllText(empty, "  \n");

        var missing = Options(new DashboardOidcOptions { ClientId = "c", ClientSecretFile = folder.Combine("absent") }).Validate();
        var blank = Options(new DashboardOidcOptions { ClientId = "c", ClientSecretFile = empty }).Validate();

        Assert.Equal([$"{Path}:ClientSecretFile: the file it names cannot be read (FileNotFoundException)"], missing);
        Assert.Equal([$"{Path}:ClientSecretFile: the file it names is empty"], blank);
    }

    [Fact]
    public void Validate_FileAndVariable_SetAtMostOne()
    {
        var errors = Options(new DashboardOidcOptions { ClientId = "c", ClientSecretFile = "/run/secrets/oidc", ClientSecretEnvironmentVariable = "OIDC_SECRET" }).Validate();

        Assert.Equal([$"Set at most one of {Path}:ClientSecretFile and {Path}:ClientSecretEnvironmentVariable"], errors);
    }

    [Theory]
    [InlineData("signin-oidc")]
    [InlineData("//evil.test/cb")]
    [InlineData("/signin?x=1")]
    public void Validate_CallbackPathNotALocalPath_NamesIt(string callback)
    {
        var errors = Options(new DashboardOidcOptions { ClientId = "c", CallbackPath = callback }).Validate();

        Assert.StartsWith($"{Path}:CallbackPath must be a path of this service", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyScope_NamesIt()
    {
        var errors = Options(new DashboardOidcOptions { ClientId = "c", Scopes = ["groups", " "] }).Validate();

        Assert.Equal([$"{Path}:Scopes must be single scope names, none empty"], errors);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8443/realms/hospital", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://idp.hospital.test", false)]
    [InlineData("https://idp.hospital.test", true)]
    public void Validate_JwtAuthority_PlainHttpOnlyOnLoopback(string authority, bool valid)
    {
        var options = new ApiOptions { Jwt = new ApiJwtOptions { Authority = authority, Audience = "interop-api" } };

        Assert.Equal(valid, options.Validate().Count == 0);
        Assert.Equal(!valid, ApiJwtRoles.RequiresHttpsMetadata(authority) && authority.StartsWith("http:", StringComparison.Ordinal));
    }

    private static ApiOptions Options(DashboardOidcOptions oidc) => new()
    {
        Jwt = new ApiJwtOptions { Authority = "https://idp.hospital.test/", Audience = "interop-api" },
        Dashboard = { Oidc = oidc },
    };
}
