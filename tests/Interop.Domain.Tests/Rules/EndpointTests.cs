using Interop.Domain.Facts;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class EndpointTests
{
    private static readonly DateOnly LastEnd = BlinaStart.AddDays(28);

    [Fact]
    public void PrimaryEndpoint_CourseNotStarted_Null() => Assert.Null(Run(Empty().Died(DiagnosedOn.AddDays(10))).PrimaryEndpoint);

    [Fact]
    public void PrimaryEndpoint_FullCourseAlive_NoEvent()
    {
        var endpoint = Run(EligibleWithCourse()).PrimaryEndpoint;

        Assert.False(endpoint!.Event);
        Assert.NotEmpty(endpoint.Evidence);
    }

    [Fact]
    public void PrimaryEndpoint_DiscontinuedForToxicity_Event()
    {
        var builder = Empty().Blinatumomab(At(BlinaStart), At(BlinaStart.AddDays(5)), AdministrationStatus.Stopped, adverseReaction: true);

        Assert.True(Run(builder).PrimaryEndpoint!.Event);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void PrimaryEndpoint_DeathAfterLastAdministration_EventWithin30Days(int days, bool expected)
    {
        var endpoint = Run(EligibleWithCourse().Died(LastEnd.AddDays(days))).PrimaryEndpoint;

        Assert.Equal(expected, endpoint!.Event);
        Assert.Contains(PatientRef, endpoint.Evidence);
    }

    [Fact]
    public void PrimaryEndpoint_DeathDuringCourse_Event() =>
        Assert.True(Run(Empty().BlinatumomabDays(BlinaStart, 10).Died(BlinaStart.AddDays(10))).PrimaryEndpoint!.Event);

    [Fact]
    public void PrimaryEndpoint_DeathRecordedUnrelated_NoEvent() =>
        Assert.False(Run(EligibleWithCourse().Died(LastEnd, unrelated: true)).PrimaryEndpoint!.Event);

    [Fact]
    public void PrimaryEndpoint_DeathWithoutDate_NoEventDateUnknown()
    {
        var endpoint = Run(EligibleWithCourse().Died(null)).PrimaryEndpoint;

        Assert.False(endpoint!.Event);
        Assert.Equal("death date unknown", endpoint.Reason);
    }

    [Fact]
    public void PrimaryEndpoint_WindowFromOptions_Used() =>
        Assert.False(Run(EligibleWithCourse().Died(LastEnd.AddDays(30)), configure: o => o.PrimaryEndpointDeathWindowDays = 29).PrimaryEndpoint!.Event);
}
