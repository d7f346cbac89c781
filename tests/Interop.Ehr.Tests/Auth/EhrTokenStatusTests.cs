using Hl7.Fhir.Model;
using Interop.Ehr.Auth;
using Interop.Ehr.Rest;
using Interop.Ehr.Tests.Rest;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Auth;

/// <summary>The read-only token state a health check reads: issue and expiry instants, and a failed request.</summary>
public sealed class EhrTokenStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Get_AfterATokenIsIssued_HasItsIssueAndExpiry()
    {
        using var ehr = new SmartTestEhr(timeProvider: new FakeTimeProvider(Now));
        Assert.Equal(new EhrTokenState(null, null, null), EhrTokenStatus.Get(ehr.Host.Services, EhrTestHost.Name));
        ehr.IssueTokens(300, "tok-1");

        await ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None);

        var state = EhrTokenStatus.Get(ehr.Host.Services, EhrTestHost.Name);
        Assert.Equal(new EhrTokenState(Now, Now.AddSeconds(300), null), state);
        Assert.False(state!.LastRequestFailed);
    }

    [Fact]
    public async Task Get_AfterTheTokenEndpointFails_RecordsTheFailure()
    {
        using var ehr = new SmartTestEhr(timeProvider: new FakeTimeProvider(Now));
        ehr.Host.Server.Given(Request.Create().WithPath("/auth/token").UsingPost()).RespondWith(Response.Create().WithStatusCode(400));

        await Assert.ThrowsAnyAsync<FhirEhrException>(() => ehr.Host.Client.ReadAsync<Patient>("p1", CancellationToken.None));

        var state = EhrTokenStatus.Get(ehr.Host.Services, EhrTestHost.Name);
        Assert.Equal(new EhrTokenState(null, null, Now), state);
        Assert.True(state!.LastRequestFailed);
    }

    [Fact]
    public void Get_EhrWithoutSmartAuth_IsNull()
    {
        using var host = EhrTestHost.Start();
        Assert.Null(EhrTokenStatus.Get(host.Services, EhrTestHost.Name));
    }
}
