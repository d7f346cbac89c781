using System.Globalization;
using System.Text;
using Interop.Store;
using Interop.Worker.Api;

namespace Interop.Worker.CdsHooks;

/// <summary>
/// The patient-view card for a subject: on study (course day and MRD), in follow-up, off study, or the eligibility
/// verdict with the criteria not met (ineligible) or unknown (undetermined: what is missing).
/// </summary>
internal static class TrialStatusCards
{
    public const int MaxSummaryLength = 139;
    public const int CourseDays = 28;
    private const string Trial = "BlinFant";
    private static readonly CdsSource Source = new("Interop: BlinFant trial status");

    public static CdsCard For(SubjectStatus s, Guid uuid) => s.ResearchSubjectStatus switch
    {
        "on-study" or "on-study-intervention" or "on-study-observation" => OnStudy(s, uuid),
        "follow-up" => FollowUp(s, uuid),
        "off-study" or "withdrawn" => Card(uuid, $"{Trial}: off study", Course(s), CdsIndicator.Info),
        _ => s.Verdict switch
        {
            "eligible" => Card(uuid, $"{Trial}: eligible, all {s.Criteria.Count} inclusion criteria met",
                Criteria(s, "met", "Criteria met") + "\nNot yet registered on study.", CdsIndicator.Info),
            "ineligible" => Card(uuid, $"{Trial}: not eligible ({Names(s, "not-met")} not met)",
                Criteria(s, "not-met", "Criteria not met"), CdsIndicator.Info),
            _ => Card(uuid, $"{Trial}: eligibility undetermined, missing {Names(s, "unknown")}",
                Criteria(s, "unknown", "Missing or not yet available") + "\nRecord these in the EHR: the next sync evaluates again.",
                CdsIndicator.Warning),
        },
    };

    private static CdsCard OnStudy(SubjectStatus s, Guid uuid)
    {
        var day = s.CourseInfusionDays is { } days
            ? string.Create(CultureInfo.InvariantCulture, $"blinatumomab day {days} of {CourseDays}")
            : "blinatumomab course started";
        var mrd = s.MrdClass is { } mrdClass ? $", MRD {Words(mrdClass)}" : "";
        return Card(uuid, $"{Trial}: on study, {day}{mrd}", Course(s), CdsIndicator.Info);
    }

    private static CdsCard FollowUp(SubjectStatus s, Guid uuid)
    {
        var relapse = s.DfsStatus == "relapse";
        var summary = relapse
            ? $"{Trial}: in follow-up, relapse recorded" + (s.RelapseSite is { } site ? $" ({Words(site)})" : "")
            : $"{Trial}: in follow-up after blinatumomab" + (s.MrdClass is { } mrd ? $", MRD {Words(mrd)}" : "");
        return Card(uuid, summary, Course(s), relapse ? CdsIndicator.Warning : CdsIndicator.Info);
    }

    private static string Course(SubjectStatus s)
    {
        var detail = new StringBuilder();
        Line(detail, "Course of blinatumomab", s.CourseState is { } state
            ? Words(state) + (s.CourseInfusionDays is { } days ? string.Create(CultureInfo.InvariantCulture, $", {days} of {CourseDays} infusion days") : "")
            : null);
        Line(detail, "Interfant-06 risk group", s.RiskGroup);
        Line(detail, "MRD after blinatumomab", s.MrdClass is { } mrd ? Words(mrd) : "not yet measured");
        Line(detail, "Disease-free survival", s.DfsStatus is { } dfs ? Words(dfs) : null);
        Line(detail, "Relapse site", s.RelapseSite is { } site ? Words(site) : null);
        Line(detail, "Overall survival", s.OsStatus);
        Line(detail, "Primary endpoint (toxic death or permanent discontinuation)", s.PrimaryEndpoint is { } p ? Words(p) : null);
        return detail.Append(AsOf(s)).ToString();
    }

    private static string Criteria(SubjectStatus s, string status, string heading)
    {
        var detail = new StringBuilder().Append("**").Append(heading).Append("**\n\n");
        foreach (var c in s.Criteria.Where(c => c.Status == status))
        {
            detail.Append("- ").Append(CriterionNames.Of(c.CriterionId));
            detail.Append(c.Reason is { } reason ? ": " + reason : "").Append('\n');
        }

        return detail.Append(AsOf(s)).ToString();
    }

    private static string Names(SubjectStatus s, string status) =>
        string.Join("; ", s.Criteria.Where(c => c.Status == status).Select(c => CriterionNames.Of(c.CriterionId)));

    private static void Line(StringBuilder detail, string label, string? value)
    {
        if (value is not null)
        {
            detail.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
        }
    }

    private static string AsOf(SubjectStatus s) =>
        string.Create(CultureInfo.InvariantCulture, $"\n_As of {s.AsOf:yyyy-MM-dd} (last sync of {s.EhrName})._");

    private static string Words(string code) => code.Replace('-', ' ');

    private static CdsCard Card(Guid uuid, string summary, string detail, string indicator) =>
        new(uuid.ToString(), Shorten(summary), detail, indicator, Source);

    /// <summary>CDS Hooks requires a summary under 140 characters: a longer one ends with an ellipsis.</summary>
    internal static string Shorten(string summary) =>
        summary.Length <= MaxSummaryLength ? summary : string.Concat(summary.AsSpan(0, MaxSummaryLength - 1), "…");
}
