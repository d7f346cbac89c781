using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interop.Worker.Tests.Api;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Worker.Tests.CdsHooks;

/// <summary>
/// CDS Hooks 2.0 "Trusting CDS Clients": an EHR's signed JWT as the bearer token, verified against the issuer's configured
/// JWK Set (file or URL), the endpoint's URL as audience, a five-minute lifetime and a jti used once.
/// </summary>
public sealed class CdsClientAuthenticationTests(CdsClientServer server) : IClassFixture<CdsClientServer>
{
    private const string Service = CdsClientServer.ServicePath;

    [Fact]
    public async Task PatientView_Es384TokenWithJwksFile_GetsItsCard()
    {
        var token = server.FileClient.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow());

        var (status, json, _) = await PostAsync(token);

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(json.GetProperty("cards").EnumerateArray());
        Assert.Contains("eligible, all 7 inclusion criteria met", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_Rs384TokenWithJwksUrl_GetsItsCard()
    {
        var token = server.UrlClient.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow(),
            d => d.AdditionalHeaderClaims = new Dictionary<string, object> { ["jku"] = server.JwksUrl });

        var (status, json, _) = await PostAsync(token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(json.GetProperty("cards").EnumerateArray());
        Assert.Contains(server.Jwks.LogEntries, e => e.RequestMessage.Path == "/ehr/jwks.json");
    }

    [Fact]
    public async Task PatientView_AudienceAsAnArray_GetsItsCard()
    {
        var token = server.FileClient.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow(), d =>
        {
            d.Audience = null;
            d.Claims["aud"] = new[] { CdsClientServer.ServiceAudience };
        });

        var (status, _, _) = await PostAsync(token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Discovery_TokenForTheDiscoveryUrl_Is200()
    {
        var token = server.FileClient.Create(CdsClientServer.ServiceBaseUrl + "/cds-services", server.Time.GetUtcNow());
        using var http = server.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong-audience", "WrongAudience")]
    [InlineData("discovery-audience", "WrongAudience")]
    [InlineData("expired", "Expired")]
    [InlineData("no-exp", "Expired")]
    [InlineData("exp-too-far-ahead", "LifetimeTooLong")]
    [InlineData("issued-in-the-future", "NotYetValid")]
    [InlineData("no-jti", "MissingOrLongJti")]
    [InlineData("wrong-tenant", "WrongTenant")]
    [InlineData("wrong-sub", "WrongSubject")]
    [InlineData("signed-by-another-key", "BadSignature")]
    [InlineData("unknown-kid", "UnknownKey")]
    [InlineData("jku-elsewhere", "UntrustedJwksUrl")]
    [InlineData("typ-not-jwt", "WrongType")]
    [InlineData("rs256-over-es-key", "BadSignature")]
    public async Task PatientView_FlawedToken_Is401WithReasonLoggedButNotTheToken(string flaw, string reason)
    {
        var now = server.Time.GetUtcNow();
        using var stranger = CdsClientSigner.Es384(server.FileClient.Issuer, server.FileClient.KeyId);
        using var unknownKey = CdsClientSigner.Es384(server.FileClient.Issuer, "not-in-the-jwks");
        using var rsaWithFileKid = CdsClientSigner.Rs384(server.FileClient.Issuer, server.FileClient.KeyId);
        var audience = CdsClientServer.ServiceAudience;
        var token = flaw switch
        {
            "wrong-audience" => server.FileClient.Create("https://another-service.test/cds-services/blinfant-trial-status", now),
            "discovery-audience" => server.FileClient.Create(CdsClientServer.ServiceBaseUrl + "/cds-services", now),
            "expired" => server.FileClient.Create(audience, now, d => (d.IssuedAt, d.Expires) = (now.AddMinutes(-10).UtcDateTime, now.AddMinutes(-1).UtcDateTime)),
            "no-exp" => server.FileClient.Create(audience, now, d => d.Expires = null),
            "exp-too-far-ahead" => server.FileClient.Create(audience, now, d => d.Expires = now.AddMinutes(6).UtcDateTime),
            "issued-in-the-future" => server.FileClient.Create(audience, now, d => d.IssuedAt = now.AddMinutes(2).UtcDateTime),
            "no-jti" => server.FileClient.Create(audience, now, d => d.Claims.Remove("jti")),
            "wrong-tenant" => server.FileClient.Create(audience, now, d => d.Claims["tenant"] = "hospital-b"),
            "wrong-sub" => server.FileClient.Create(audience, now, d => d.Claims["sub"] = "someone-else"),
            "signed-by-another-key" => stranger.Create(audience, now),
            "unknown-kid" => unknownKey.Create(audience, now),
            "jku-elsewhere" => server.FileClient.Create(audience, now,
                d => d.AdditionalHeaderClaims = new Dictionary<string, object> { ["jku"] = "https://attacker.test/jwks.json" }),
            "typ-not-jwt" => server.FileClient.Create(audience, now, d => d.TokenType = "at+jwt"),
            _ => rsaWithFileKid.Create(audience, now),
        };

        var (status, _, challenge) = await PostAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.StartsWith("Bearer error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message == $"CDS client token refused (client ehr-file): {reason}");
        Assert.DoesNotContain(server.Logs.Entries, e => e.Message.Contains(token[..20], StringComparison.Ordinal));
        Assert.DoesNotContain(server.Logs.Entries, e => e.Message.Contains("p-eligible", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatientView_UntrustedIssuer_Is401()
    {
        using var untrusted = CdsClientSigner.Es384("https://unknown-ehr.test", "k1");

        var (status, _, challenge) = await PostAsync(untrusted.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_JtiReplayed_SecondIs401()
    {
        var token = server.FileClient.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow());

        var (first, _, _) = await PostAsync(token);
        var (second, _, _) = await PostAsync(token);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Unauthorized, second);
        Assert.Contains(server.Logs.Entries, e => e.Message == "CDS client token refused (client ehr-file): Replayed");
    }

    [Fact]
    public async Task PatientView_TokenUsedAfterItsExpiryPlusSkew_Is401()
    {
        var token = server.FileClient.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow(),
            d => d.Expires = server.Time.GetUtcNow().AddSeconds(10).UtcDateTime);
        server.Time.Advance(TimeSpan.FromSeconds(41));

        var (status, _, _) = await PostAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task PatientView_KeyRotated_NewKidFetchedAtMostEvery30Seconds()
    {
        using var rotated = CdsClientSigner.Es384(server.RotatingClient.Issuer, "rotating-key-2");
        var before = server.RotatingClient.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(before)).Status);
        server.ServeRotatingJwks(rotated.Jwks());

        var tooSoon = await PostAsync(rotated.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow()));
        server.Time.Advance(TimeSpan.FromSeconds(31));
        var after = await PostAsync(rotated.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Unauthorized, tooSoon.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(2, server.Jwks.LogEntries.Count(e => e.RequestMessage.Path == CdsClientServer.RotatingJwksPath));
    }

    [Fact]
    public async Task ApiSubjects_CdsClientTokenForThatUrl_Is403()
    {
        var token = server.FileClient.Create(CdsClientServer.ServiceBaseUrl + "/api/v1/subjects", server.Time.GetUtcNow());
        using var http = server.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.GetAsync(new Uri("/api/v1/subjects", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ApiSubjects_CdsClientTokenForTheService_Is401()
    {
        var token = server.FileClient.Create(CdsClientServer.ServiceAudience, server.Time.GetUtcNow());
        using var http = server.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.GetAsync(new Uri("/api/v1/subjects", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PatientView_ApiKey_StillGetsItsCard()
    {
        using var http = server.Http();
        http.DefaultRequestHeaders.Add("X-API-Key", ApiServer.ReadKey);
        using var content = new StringContent(Request("p-eligible").ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(Service, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PatientView_IdentityProviderToken_StillAccepted()
    {
        var token = TestTokens.Create(["interop-readers"]);

        var (status, _, _) = await PostAsync(token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task PatientView_NoCredentials_Is401WithBearerChallenge()
    {
        using var http = server.Http();
        using var content = new StringContent(Request("p-eligible").ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(Service, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_TrustedClientsConfigured_ListsTheCdsClientScheme()
    {
        using var http = server.Http();
        http.DefaultRequestHeaders.Add("X-API-Key", ApiServer.ReadKey);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var schemes = json.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(["ApiKey", "Bearer", "CdsClientJwt"], schemes.EnumerateObject().Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal("JWT", schemes.GetProperty("CdsClientJwt").GetProperty("bearerFormat").GetString());
        Assert.Contains("Trusting CDS Clients", schemes.GetProperty("CdsClientJwt").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static JsonObject Request(string patientId) => new()
    {
        ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        ["fhirServer"] = "https://ehr.hospital.test/fhir",
        ["hook"] = "patient-view",
        ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId },
    };

    private async Task<(HttpStatusCode Status, JsonElement Json, string Challenge)> PostAsync(string token)
    {
        using var http = server.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var content = new StringContent(Request("p-eligible").ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(Service, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body.Length == 0 || !body.TrimStart().StartsWith('{') ? "{}" : body);
        return (response.StatusCode, json.RootElement.Clone(), response.Headers.WwwAuthenticate.ToString());
    }
}
