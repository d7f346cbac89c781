using Interop.Sync.Lease;

namespace Interop.Worker.Tests.Sync;

public sealed class RunLeaseOptionsTests
{
    [Fact]
    public void Validate_Defaults_TwoMinutesRenewedEveryThirtySeconds()
    {
        var options = new RunLeaseOptions();
        Assert.Empty(options.Validate());
        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)), (options.Ttl, options.RenewInterval));
    }

    [Theory]
    [InlineData("00:00:09.999", false)]
    [InlineData("00:00:10", true)]
    [InlineData("01:00:00", true)]
    [InlineData("01:00:00.001", false)]
    public void Validate_TtlBounds_NamesTheSetting(string ttl, bool valid)
    {
        var errors = new RunLeaseOptions { Ttl = TimeSpan.Parse(ttl, System.Globalization.CultureInfo.InvariantCulture), RenewInterval = TimeSpan.FromSeconds(1) }.Validate();
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.StartsWith("RunLease:Ttl ", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.999, false)]
    [InlineData(1, true)]
    [InlineData(60, true)]
    [InlineData(60.001, false)]
    public void Validate_RenewIntervalAtMostHalfTheTtl_NamesTheSetting(double seconds, bool valid)
    {
        var errors = new RunLeaseOptions { Ttl = TimeSpan.FromMinutes(2), RenewInterval = TimeSpan.FromSeconds(seconds) }.Validate();
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.StartsWith("RunLease:RenewInterval ", e, StringComparison.Ordinal));
    }
}
