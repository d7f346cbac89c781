using Hl7.Fhir.Model;
using Interop.Ehr.Auth;
using Interop.Ehr.Tests.Rest;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Auth;

public sealed class BearerTokenTests
{
    private static void ServePatient(EhrTestHost host) =>
        host.Server.Given(Request.Create().WithPath("/fhir/Patient/p1")).AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", Interop.Ehr.Rest.FhirMediaType.Json).WithBody(FhirJsonBodies.Json(new Patient { Id = "p1" })));

    [Fact]
    public async Task Read_TokenFromEnvironment_SentAsBearer()
    {
        var variable = "INTEROP_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "env-token");
        try
        {
            using var host = EhrTestHost.Start(o =>
            {
                o.Auth.Mode = EhrAuthMode.Bearer;
                o.Auth.BearerTokenEnvironmentVariable = variable;
            });
            ServePatient(host);

            await host.Client.ReadAsync<Patient>("p1", CancellationToken.None);
            await host.Client.ReadAsync<Patient>("p1", CancellationToken.None);

            Assert.All(host.Requests("/fhir/Patient/p1"), r => Assert.Equal("Bearer env-token", r.Header("Authorization")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Read_TokenFileRotatedAfter401_RereadAndRetriedOnce()
    {
        using var folder = new TempFolder();
        var file = folder.Write("token.txt", ["old-token"]);
        using var host = EhrTestHost.Start(o =>
        {
            o.Auth.Mode = EhrAuthMode.Bearer;
            o.Auth.BearerTokenFile = file;
        });
        ServePatient(host);
        host.Server.Given(Request.Create().WithPath("/fhir/Patient/p1").WithHeader("Authorization", "Bearer old-token")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401));

        await host.Client.ReadAsync<Patient>("p1", CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        await File.WriteAllTextAsync(file, "new-token\n");
        var patient = await host.Client.ReadAsync<Patient>("p1", CancellationToken.None);

        // The first call's 401 re-read the unchanged file and gave up; the second is refused with the cached
        // old token, re-reads the rotated file and succeeds on its one retry.
        Assert.Equal("p1", patient.Id);
        Assert.Equal(["Bearer old-token", "Bearer old-token", "Bearer new-token"], host.Requests("/fhir/Patient/p1").Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Read_MissingEnvironmentVariable_AuthenticationErrorNamingTheSetting()
    {
        using var host = EhrTestHost.Start(o =>
        {
            o.Auth.Mode = EhrAuthMode.Bearer;
            o.Auth.BearerTokenEnvironmentVariable = "INTEROP_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        });

        var error = await Assert.ThrowsAsync<EhrAuthenticationException>(() => host.Client.ReadAsync<Patient>("p1", CancellationToken.None));

        Assert.Contains("Ehrs:test:Auth:BearerTokenEnvironmentVariable", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Server.LogEntries);
    }
}
