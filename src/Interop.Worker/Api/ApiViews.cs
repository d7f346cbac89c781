using Interop.Client.Contracts;
using Interop.Store;

namespace Interop.Worker.Api;

/// <summary>The store's records as the API's wire contracts.</summary>
internal static class ApiViews
{
    public static SubjectListItem ListItem(SubjectStatus s) => new()
    {
        PatientId = s.PatientId,
        Ehr = s.EhrName,
        AsOf = s.AsOf,
        Verdict = s.Verdict,
        ResearchSubjectStatus = s.ResearchSubjectStatus,
        CourseState = s.CourseState,
        UpdatedAt = s.UpdatedAt,
    };

    public static SubjectDetail Detail(SubjectStatus s) => new()
    {
        PatientId = s.PatientId,
        Ehr = s.EhrName,
        AsOf = s.AsOf,
        Verdict = s.Verdict,
        ResearchSubjectStatus = s.ResearchSubjectStatus,
        Criteria = [.. s.Criteria.Select(Criterion)],
        RiskGroup = s.RiskGroup,
        CourseState = s.CourseState,
        CourseInfusionDays = s.CourseInfusionDays,
        MrdClass = s.MrdClass,
        PrimaryEndpoint = s.PrimaryEndpoint,
        DfsStatus = s.DfsStatus,
        OsStatus = s.OsStatus,
        RelapseSite = s.RelapseSite,
        RunId = s.RunId,
        UpdatedAt = s.UpdatedAt,
    };

    public static CriterionResult Criterion(Store.CriterionStatus c) => new()
    {
        Id = c.CriterionId,
        DisplayName = CriterionNames.Of(c.CriterionId),
        Status = c.Status,
        Reason = c.Reason,
        EvidenceIds = c.EvidenceIds,
    };

    public static RunSummary Run(SyncRun r) => new()
    {
        RunId = r.RunId,
        Ehr = r.EhrName,
        Mode = r.Mode switch
        {
            SyncRunMode.File => "file",
            SyncRunMode.Live => "live",
            SyncRunMode.DryRun => "dry-run",
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Mode, null),
        },
        Status = r.Status switch
        {
            SyncRunStatus.Running => "running",
            SyncRunStatus.Completed => "completed",
            SyncRunStatus.Failed => "failed",
            SyncRunStatus.Abandoned => "abandoned",
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Status, null),
        },
        StartedAt = r.StartedAt,
        FinishedAt = r.FinishedAt,
        AsOf = r.AsOf,
        Counts = new RunCounts(r.Counts.ResourcesRead, r.Counts.PatientsScreened, r.Counts.Evaluated, r.Counts.Withheld,
            r.Counts.OutcomesWritten, r.Counts.OutcomesUnchanged, r.Counts.RequestsMade),
        Quarantined = r.QuarantinedCount,
        Warnings = r.WarningCount,
        ServerDrift = r.DriftCount,
        RuleSetVersion = r.RuleSet?.Version,
        RuleSetFingerprint = r.RuleSet?.Fingerprint,
        ExitCode = r.ExitCode,
    };

    /// <summary>The run with its quarantined records and warnings, each naming its patient (an opaque id, as in the subjects API).</summary>
    public static RunDetail RunDetail(SyncRunDetail d) => new()
    {
        Run = Run(d.Run),
        QuarantinedRecords = [.. d.Quarantined.Select(q => new QuarantinedInput(q.Location, q.ResourceType, q.ResourceId, q.Reason) { PatientId = q.PatientId })],
        Warnings = [.. d.Warnings.Select(w => new RunWarningView(w.Location, w.ResourceType, w.ResourceId, w.PatientId, w.Rule, w.Detail))],
        ServerDrift = [.. d.Drift.Select(x => new ServerDriftView(x.Kind, x.Action, x.PatientId, x.OutcomeCode, x.ResourceIds))],
    };

    public static Page<TOut> Page<TIn, TOut>(StorePage<TIn> page, Func<TIn, TOut> map) => new()
    {
        Items = [.. page.Items.Select(map)],
        Total = page.Total,
        Skip = page.Skip,
        Take = page.Take,
    };
}
