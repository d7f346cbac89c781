using Interop.Store;
using Interop.Worker.CdsHooks;
using Interop.Worker.Tests.Api;

namespace Interop.Worker.Tests.CdsHooks;

public sealed class TrialStatusCardsTests
{
    [Theory]
    [InlineData(139, 139, false)]
    [InlineData(140, 139, true)]
    [InlineData(400, 139, true)]
    public void Shorten_AtTheLimit_KeepsUnder140(int length, int expectedLength, bool ellipsis)
    {
        var shortened = TrialStatusCards.Shorten(new string('x', length));

        Assert.Equal(expectedLength, shortened.Length);
        Assert.Equal(ellipsis, shortened.EndsWith('…'));
    }

    [Fact]
    public void For_IneligibleOnEveryCriterion_SummaryUnder140AndDetailListsAllSeven()
    {
        var subject = new SubjectStatus("epic", "p1", SeedSubjects.AsOf, "ineligible", "ineligible", null, null, null, null, null, null,
            [.. SeedSubjects.CriterionIds.Select(id => new CriterionStatus(id, "not-met", [], "reason"))], null, default);

        var card = TrialStatusCards.For(subject, Guid.Empty);

        Assert.True(card.Summary.Length < 140);
        Assert.Equal(7, card.Detail.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("relapse", "cns", "warning", "in follow-up, relapse recorded (cns)")]
    [InlineData("event-free", null, "info", "in follow-up after blinatumomab")]
    public void For_FollowUp_WarnsOnRelapse(string dfs, string? site, string indicator, string summaryPart)
    {
        var subject = new SubjectStatus("epic", "p1", SeedSubjects.AsOf, "eligible", "follow-up", "HR", "completed", null, "no-event", dfs, "alive",
            [], null, default, CourseInfusionDays: 28, RelapseSite: site);

        var card = TrialStatusCards.For(subject, Guid.Empty);

        Assert.Equal(indicator, card.Indicator);
        Assert.Contains(summaryPart, card.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void For_OnStudyWithMrd_SaysDayAndMrd()
    {
        var subject = new SubjectStatus("epic", "p1", SeedSubjects.AsOf, "eligible", "on-study-intervention", "MR", "in-progress", "low-positive", null, null, null,
            [], null, default, CourseInfusionDays: 28);

        var card = TrialStatusCards.For(subject, Guid.Empty);

        Assert.Equal("BlinFant: on study, blinatumomab day 28 of 28, MRD low positive", card.Summary);
    }
}
