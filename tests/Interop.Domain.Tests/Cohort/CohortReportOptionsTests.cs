using Interop.Domain.Cohort;

namespace Interop.Domain.Tests.Cohort;

public sealed class CohortReportOptionsTests
{
    [Fact]
    public void Defaults_AreTheInterfant06FiguresOfTrialMd()
    {
        var options = new CohortReportOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((0.494, 0.658, 0.440, 0.602), (options.HistoricalDfsTwoYear, options.HistoricalOsTwoYear, options.HistoricalDfsFourYear, options.HistoricalOsFourYear));
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(-0.001, false)]
    [InlineData(1.001, false)]
    [InlineData(49.4, false)]
    [InlineData(double.NaN, false)]
    public void Validate_FractionBounds_NameTheSetting(double value, bool valid)
    {
        var errors = new CohortReportOptions { HistoricalOsFourYear = value }.Validate();

        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.StartsWith("Report:HistoricalOsFourYear ", e, StringComparison.Ordinal));
    }
}
