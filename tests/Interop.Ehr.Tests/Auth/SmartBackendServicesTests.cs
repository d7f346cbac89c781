using System.Net;
using System.Security.Cryptography;
using Hl7.Fhir.Model;
using Interop.Ehr.Auth;
using Interop.Ehr.Rest;
using Interop.Ehr.Tests.Rest;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Auth;

public sealed class SmartBackendServicesTests
{
    [Fact]
    public async Task Read_SmartMode_DiscoversEndpointRequestsTokenAndSendsBearer()
    {
        using var ehr = new SmartTestEhr();
        ehr.IssueTokens(300, "tok-1");

        var patient = await ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None);

        Assert.Equal("p1", patient.Id);
        Assert.Equal("Bearer tok-1", Assert.Single(ehr.Host.Requests("/fhir/Patient/p1")).Header("Authorization"));
        Assert.Null(Assert.Single(ehr.Host.Requests("/fhir/.well-known/smart-configuration")).Header("Authorization"));
        var tokenRequest = Assert.Single(ehr.TokenRequests);
        Assert.StartsWith("application/x-www-form-urlencoded", tokenRequest.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Null(tokenRequest.Header("Authorization"));
        var form = SmartTestEhr.Form(tokenRequest);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        Assert.Equal(EhrAuthOptions.DefaultScopes, form["scope"]);
        Assert.Equal(4, form.Count);
        Assert.DoesNotContain(ehr.Host.Logs.Messages, m => m.Contains("tok-1", StringComparison.Ordinal) || m.Contains(form["client_assertion"], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("ES384")]
    public async Task ClientAssertion_Algorithm_ClaimsHeaderAndSignature(string algorithm)
    {
        using var ehr = new SmartTestEhr(algorithm);
        ehr.IssueTokens(300, "tok-1");

        await ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None);

        var assertion = SmartTestEhr.Form(Assert.Single(ehr.TokenRequests))["client_assertion"];
        var jwt = new JsonWebToken(assertion);
        Assert.Equal(algorithm, jwt.Alg);
        Assert.Equal(SmartTestEhr.KeyId, jwt.Kid);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal(SmartTestEhr.ClientId, jwt.Issuer);
        Assert.Equal(SmartTestEhr.ClientId, jwt.Subject);
        Assert.Equal([ehr.TokenEndpoint], jwt.Audiences);
        Assert.Equal(TimeSpan.FromMinutes(5), jwt.ValidTo - jwt.IssuedAt);
        Assert.False(string.IsNullOrEmpty(jwt.Id));

        SecurityKey publicKey;
        if (algorithm == "ES384")
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(ehr.PublicKeyPem);
            publicKey = new ECDsaSecurityKey(ec);
        }
        else
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(ehr.PublicKeyPem);
            publicKey = new RsaSecurityKey(rsa);
        }

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = SmartTestEhr.ClientId,
            ValidAudience = ehr.TokenEndpoint,
            IssuerSigningKey = publicKey,
            ValidAlgorithms = [algorithm],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task Token_ManyRequestsThenExpiry_OneTokenUntilShortlyBeforeExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 2, 0, 0, TimeSpan.Zero));
        using var ehr = new SmartTestEhr(timeProvider: time);
        ehr.IssueTokens(300, "tok-1", "tok-2");

        for (var i = 0; i < 5; i++)
        {
            await ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None);
        }

        Assert.Single(ehr.TokenRequests);
        time.Advance(TimeSpan.FromSeconds(239));
        await ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None);
        Assert.Single(ehr.TokenRequests);

        time.Advance(TimeSpan.FromSeconds(2));
        await ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None);

        Assert.Equal(2, ehr.TokenRequests.Count);
        Assert.Equal("Bearer tok-2", ehr.Host.Requests("/fhir/Patient/p1")[^1].Header("Authorization"));
        Assert.Single(ehr.Host.Requests("/fhir/.well-known/smart-configuration"));
        var first = new JsonWebToken(SmartTestEhr.Form(ehr.TokenRequests[0])["client_assertion"]);
        var second = new JsonWebToken(SmartTestEhr.Form(ehr.TokenRequests[1])["client_assertion"]);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(time.GetUtcNow().UtcDateTime.AddMinutes(5), second.ValidTo);
    }

    [Fact]
    public async Task Read_TokenRefused401_NewTokenAndOneRetry()
    {
        using var ehr = new SmartTestEhr();
        ehr.IssueTokens(300, "expired", "fresh");
        ehr.Host.Server.Given(Request.Create().WithPath("/fhir/Patient/p1").WithHeader("Authorization", "Bearer expired")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401));

        var patient = await ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None);

        Assert.Equal("p1", patient.Id);
        Assert.Equal(2, ehr.TokenRequests.Count);
        Assert.Equal(["Bearer expired", "Bearer fresh"], ehr.Host.Requests("/fhir/Patient/p1").Select(r => r.Header("Authorization")));
        Assert.Equal(1, ehr.Host.Client.RequestCount);
    }

    [Fact]
    public async Task Read_Every401_OneServerExceptionAfterOneRetry()
    {
        using var ehr = new SmartTestEhr();
        ehr.IssueTokens(300, "a", "b", "c");
        ehr.Host.Server.Given(Request.Create().WithPath("/fhir/Patient/p1")).AtPriority(1).RespondWith(Response.Create().WithStatusCode(401));

        var error = await Assert.ThrowsAsync<FhirServerException>(() => ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, ehr.Host.Requests("/fhir/Patient/p1").Count);
        Assert.Equal(2, ehr.TokenRequests.Count);
    }

    [Fact]
    public async Task Token_InvalidClient_AuthenticationErrorWithCodeOnlyAndNoFhirRequest()
    {
        using var ehr = new SmartTestEhr();
        ehr.Host.Server.Given(Request.Create().WithPath("/auth/token")).RespondWith(Response.Create().WithStatusCode(400)
            .WithHeader("Content-Type", "application/json").WithBody("""{"error":"invalid_client","error_description":"kid key-2026-01 unknown for interop-test-client"}"""));

        var error = await Assert.ThrowsAsync<EhrAuthenticationException>(() => ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None));

        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", error.Message, StringComparison.Ordinal);
        Assert.Empty(ehr.Host.Requests("/fhir/Patient/p1"));
        Assert.Single(ehr.TokenRequests);
    }

    [Fact]
    public async Task Discovery_NoSmartConfiguration_ErrorNamesTheSetting()
    {
        using var ehr = new SmartTestEhr(discovery: false);

        var error = await Assert.ThrowsAsync<EhrAuthenticationException>(() => ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None));

        Assert.Contains("TokenEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Empty(ehr.Host.Requests("/fhir/Patient/p1"));
    }

    [Fact]
    public async Task TokenEndpoint_Configured_NoDiscovery()
    {
        using var ehr = new SmartTestEhr(discovery: false, configure: o => o.Auth.TokenEndpoint = new Uri(o.BaseUrl!, "/auth/token"));
        ehr.IssueTokens(300, "tok-1");

        await ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None);

        Assert.Empty(ehr.Host.Requests("/fhir/.well-known/smart-configuration"));
        Assert.Single(ehr.TokenRequests);
    }

    [Fact]
    public async Task Key_WrongCurveForEs384_AuthenticationErrorWithoutKeyMaterial()
    {
        using var ehr = new SmartTestEhr("ES384");
        using (var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(ehr.KeyFile, p256.ExportPkcs8PrivateKeyPem());
        }

        ehr.IssueTokens(300, "tok-1");

        var error = await Assert.ThrowsAsync<EhrAuthenticationException>(() => ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None));

        Assert.Contains("P-384", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", error.Message, StringComparison.Ordinal);
        Assert.Empty(ehr.TokenRequests);
    }
}
