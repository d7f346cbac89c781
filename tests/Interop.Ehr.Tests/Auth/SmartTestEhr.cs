using System.Security.Cryptography;
using Hl7.Fhir.Model;
using Interop.Ehr.Auth;
using Interop.Ehr.Rest;
using Interop.Ehr.Tests.Rest;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Interop.Ehr.Tests.Auth;

/// <summary>A WireMock EHR with SMART discovery, a token endpoint and a FHIR Patient read, plus the client's key.</summary>
internal sealed class SmartTestEhr : IDisposable
{
    public const string ClientId = "interop-test-client";
    public const string KeyId = "key-2026-01";

    private readonly TempFolder _folder = new();

    public SmartTestEhr(string algorithm = "RS384", TimeProvider? timeProvider = null, Action<Interop.Ehr.DependencyInjection.EhrConnectionOptions>? configure = null, bool discovery = true)
    {
        Algorithm = algorithm;
        if (algorithm == "ES384")
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            KeyFile = _folder.Write("client.pem", [ec.ExportPkcs8PrivateKeyPem()]);
            PublicKeyPem = ec.ExportSubjectPublicKeyInfoPem();
        }
        else
        {
            using var rsa = RSA.Create(2048);
            KeyFile = _folder.Write("client.pem", [rsa.ExportPkcs8PrivateKeyPem()]);
            PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem();
        }

        Host = EhrTestHost.Start(
            o =>
            {
                o.Auth.Mode = EhrAuthMode.SmartBackendServices;
                o.Auth.ClientId = ClientId;
                o.Auth.KeyId = KeyId;
                o.Auth.Algorithm = algorithm;
                o.Auth.PrivateKeyFile = KeyFile;
                configure?.Invoke(o);
            },
            timeProvider);
        if (discovery)
        {
            Host.Server.Given(Request.Create().WithPath("/fhir/.well-known/smart-configuration").UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                    $$"""{"token_endpoint":"{{TokenEndpoint}}","token_endpoint_auth_methods_supported":["private_key_jwt"],"token_endpoint_auth_signing_alg_values_supported":["RS384","ES384"]}"""));
        }

        Host.Server.Given(Request.Create().WithPath("/fhir/Patient/p1").UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json).WithBody(FhirJsonBodies.Json(new Patient { Id = "p1" })));
    }

    public EhrTestHost Host { get; }

    public string Algorithm { get; }

    public string KeyFile { get; }

    public string PublicKeyPem { get; }

    public string TokenEndpoint => Host.Server.Urls[0] + "/auth/token";

    /// <summary>Every token request answers <paramref name="tokens"/> in turn (the last one repeats).</summary>
    public void IssueTokens(int expiresIn, params string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var request = Host.Server.Given(Request.Create().WithPath("/auth/token").UsingPost()).InScenario("token");
            if (i > 0)
            {
                request = request.WhenStateIs($"t{i}");
            }

            request.WillSetStateTo($"t{i + 1}").RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"access_token":"{{tokens[i]}}","token_type":"bearer","expires_in":{{expiresIn}},"scope":"system/Patient.read"}"""));
        }

        Host.Server.Given(Request.Create().WithPath("/auth/token").UsingPost()).InScenario("token").WhenStateIs($"t{tokens.Length}")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"access_token":"{{tokens[^1]}}","token_type":"bearer","expires_in":{{expiresIn}}}"""));
    }

    public IReadOnlyList<ILogEntry> TokenRequests => Host.Requests("/auth/token");

    public static IReadOnlyDictionary<string, string> Form(ILogEntry entry) =>
        entry.RequestMessage.Body!.Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')), StringComparer.Ordinal);

    public void Dispose()
    {
        Host.Dispose();
        _folder.Dispose();
    }
}
