using Interop.Ehr.Auth;
using Interop.Worker.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Worker.Tests.Health;

public sealed class EhrTokenHealthTests
{
    private static readonly DateTimeOffset Issued = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assess_NoSmartToken_IsHealthy() => Assert.Equal(HealthStatus.Healthy, EhrTokenHealthCheck.Assess(null).Status);

    [Fact]
    public void Assess_NoTokenRequestedYet_IsHealthy() =>
        Assert.Equal(HealthStatus.Healthy, EhrTokenHealthCheck.Assess(new EhrTokenState(null, null, null)).Status);

    [Fact]
    public void Assess_TokenExpiredSinceTheLastRun_IsHealthy() =>
        Assert.Equal(HealthStatus.Healthy, EhrTokenHealthCheck.Assess(new EhrTokenState(Issued, Issued.AddMinutes(5), null)).Status);

    [Fact]
    public void Assess_TokenRequestFailedAfterTheLastIssue_IsDegraded() =>
        Assert.Equal(HealthStatus.Degraded, EhrTokenHealthCheck.Assess(new EhrTokenState(Issued, Issued.AddMinutes(5), Issued.AddHours(1))).Status);

    [Fact]
    public void Assess_FirstTokenRequestFailed_IsDegraded() =>
        Assert.Equal(HealthStatus.Degraded, EhrTokenHealthCheck.Assess(new EhrTokenState(null, null, Issued)).Status);

    [Fact]
    public void Assess_TokenIssuedAfterAFailure_IsHealthy() =>
        Assert.Equal(HealthStatus.Healthy, EhrTokenHealthCheck.Assess(new EhrTokenState(Issued, Issued.AddMinutes(5), Issued.AddTicks(-1))).Status);
}
