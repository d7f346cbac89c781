using Interop.Fhir.Mapping;

namespace Interop.Fhir.Tests.Mapping;

public class FhirDatesTests
{
    private static readonly TimeZoneInfo Amsterdam = MappingFixture.Amsterdam;

    [Fact]
    public void Parse_DateTimeWithOffset_KeepsWrittenDateAndOffset()
    {
        var moment = FhirDates.Parse("2024-03-31T01:30:00+02:00", Amsterdam)!.Value;

        Assert.Equal(new DateOnly(2024, 3, 31), moment.Date);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.FromHours(2)), moment.At);
        Assert.Equal(TimeSpan.FromHours(2), moment.At.Offset);
    }

    [Fact]
    public void Parse_UtcLateEvening_DateIsNotShiftedToSiteZone()
    {
        var moment = FhirDates.Parse("2024-01-10T23:30:00Z", Amsterdam)!.Value;

        Assert.Equal(new DateOnly(2024, 1, 10), moment.Date);
        Assert.Equal(TimeSpan.Zero, moment.At.Offset);
    }

    [Fact]
    public void Parse_DateOnly_MidnightInSiteZone()
    {
        var winter = FhirDates.Parse("2024-01-10", Amsterdam)!.Value;
        var summer = FhirDates.Parse("2024-07-10", Amsterdam)!.Value;

        Assert.Equal(new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.FromHours(1)), winter.At);
        Assert.Equal(new DateTimeOffset(2024, 7, 10, 0, 0, 0, TimeSpan.FromHours(2)), summer.At);
        Assert.Equal(new DateOnly(2024, 7, 10), summer.Date);
    }

    [Fact]
    public void Parse_DateTimeWithoutZone_TakenInSiteZone()
    {
        var moment = FhirDates.Parse("2024-07-10T09:15:30.25", Amsterdam)!.Value;

        Assert.Equal(new DateTimeOffset(2024, 7, 10, 9, 15, 30, 250, TimeSpan.FromHours(2)), moment.At);
        Assert.Equal(new DateOnly(2024, 7, 10), moment.Date);
    }

    [Theory]
    [InlineData("2024")]
    [InlineData("2024-03")]
    [InlineData("2024-02-30")]
    [InlineData("not a date")]
    [InlineData("2024-03-01T25:00:00Z")]
    [InlineData(null)]
    public void Parse_PartialOrInvalid_ReturnsNull(string? value)
    {
        Assert.Null(FhirDates.Parse(value, Amsterdam));
        Assert.Null(FhirDates.FullDate(value));
    }

    [Fact]
    public void FullDate_DateTimeWithNegativeOffset_WrittenDate()
    {
        Assert.Equal(new DateOnly(2024, 3, 31), FhirDates.FullDate("2024-03-31T23:59:00-05:00"));
    }
}
