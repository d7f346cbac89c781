using Interop.Domain.Rules;
using Interop.Store;

namespace Interop.Worker.Dashboard;

/// <summary>
/// One point on a subject's timeline, by whole days from the survival origin: the store keeps day counts, never a
/// patient's calendar dates, and so does the page.
/// </summary>
internal sealed record TimelineEvent(int Day, string Kind, string Text)
{
    public static IReadOnlyList<TimelineEvent> Of(SubjectStatus subject, SurvivalOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Survival is not { } days)
        {
            return [];
        }

        var events = new List<TimelineEvent>
        {
            new(0, "origin", origin == SurvivalOrigin.Diagnosis ? "Diagnosis (survival origin)" : "Start of blinatumomab (survival origin)"),
        };
        if (days.DfsEventDay is { } dfs)
        {
            var what = subject.DfsStatus == "relapse"
                ? $"Relapse{(subject.RelapseSite is { } site ? " (" + Display.Code(site) + ")" : string.Empty)}"
                : "Death (first event)";
            events.Add(new(dfs, "event", what));
        }

        if (days.OsEventDay is { } os && os != days.DfsEventDay)
        {
            events.Add(new(os, "event", "Death"));
        }

        events.Add(new(days.FollowUpDays, "as-of", "Data as of this run (follow-up)"));
        return [.. events.OrderBy(e => e.Day)];
    }
}
