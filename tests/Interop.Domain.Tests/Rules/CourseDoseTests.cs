using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class CourseDoseTests
{
    private static readonly DateTimeOffset Start = At(BlinaStart);

    [Fact]
    public void Course_MicrogramsOverBsa_BsaBeforeStartUsedAndRounded()
    {
        var builder = Empty()
            .Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(-20), 0.25m)
            .Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(-1), 0.3m);
        var used = builder.LastRef;
        builder.Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(1), 0.5m)
            .Blinatumomab(Start, Start.AddDays(28), micrograms: 100m);

        var course = Run(builder).Course;

        Assert.Equal(333.33m, course.CumulativeDosePerSquareMetre);
        Assert.Contains(used, course.Evidence);
    }

    [Fact]
    public void Course_OnlyBsaAfterStart_FirstAfterUsed()
    {
        var builder = Empty()
            .Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(3), 0.3m)
            .Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(2), 0.4m)
            .Blinatumomab(Start, Start.AddDays(14), micrograms: 10m)
            .Blinatumomab(Start.AddDays(14), Start.AddDays(28), perSquareMetre: 210m);

        Assert.Equal(235m, Run(builder).Course.CumulativeDosePerSquareMetre);
    }

    [Fact]
    public void Course_MidpointDose_RoundedAwayFromZero()
    {
        var builder = Empty().Blinatumomab(Start, Start.AddDays(28), perSquareMetre: 1.005m);

        Assert.Equal(1.01m, Run(builder).Course.CumulativeDosePerSquareMetre);
    }

    [Fact]
    public void Course_DoseWithoutBsa_Null() =>
        Assert.Null(Run(Empty().Blinatumomab(Start, Start.AddDays(28), micrograms: 100m)).Course.CumulativeDosePerSquareMetre);

    [Fact]
    public void Course_AdministrationWithoutDose_Null() =>
        Assert.Null(Run(Empty().BlinatumomabDays(BlinaStart, 10).Blinatumomab(Start.AddDays(10), Start.AddDays(28))).Course.CumulativeDosePerSquareMetre);
}
