using Interop.Sync;

namespace Interop.Worker.Tests.Cli;

public sealed class AsOfParserTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public void TryParse_Date_MeansTheEndOfThatDayInTheSiteZone()
    {
        Assert.True(AsOfParser.TryParse("2026-07-01", Amsterdam, out var asOf));
        Assert.Equal(new DateOnly(2026, 7, 1), asOf.Date);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 23, 59, 59, TimeSpan.FromHours(2)), asOf.Instant);
    }

    [Fact]
    public void TryParse_LocalInstant_IsTakenInTheSiteZone()
    {
        Assert.True(AsOfParser.TryParse("2026-01-15T08:30:00", Amsterdam, out var asOf));
        Assert.Equal(TimeSpan.FromHours(1), asOf.Instant.Offset);
        Assert.Equal(new DateOnly(2026, 1, 15), asOf.Date);
    }

    [Fact]
    public void TryParse_UtcInstantLateInTheDay_HasTheSiteCalendarDate()
    {
        Assert.True(AsOfParser.TryParse("2026-01-15T23:30:00Z", Amsterdam, out var asOf));
        Assert.Equal(new DateOnly(2026, 1, 16), asOf.Date);
        Assert.Equal(TimeSpan.Zero, asOf.Instant.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("01/02/2026")]
    public void TryParse_NotIso8601_Fails(string text) => Assert.False(AsOfParser.TryParse(text, Amsterdam, out _));
}
