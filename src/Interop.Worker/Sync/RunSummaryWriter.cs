using System.Globalization;

namespace Interop.Worker.Sync;

/// <summary>The short human summary a sync prints.</summary>
internal static class RunSummaryWriter
{
    private const int MaxQuarantineLines = 20;

    public static void Write(RunReport report, TextWriter output, string? reportPath)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Interop sync{(report.DryRun ? " (dry run: nothing written)" : string.Empty)} as of {report.AsOf:yyyy-MM-dd'T'HH:mm:sszzz}, rules {report.RuleSetVersion}"));
        output.WriteLine(string.Create(c, $"  resources read      {report.ResourcesRead} ({report.IrrelevantResources} not relevant to the trial)"));
        output.WriteLine(string.Create(c, $"  patients seen       {report.PatientsSeen}, screened {report.PatientsScreened}, evaluated {report.PatientsEvaluated}, withheld {report.PatientsWithheld}"));
        output.WriteLine(string.Create(c, $"  eligible            {report.Eligible}"));
        output.WriteLine(string.Create(c, $"  ineligible          {report.Ineligible}{Top(report.IneligibleReasons)}"));
        output.WriteLine(string.Create(c, $"  undetermined        {report.Undetermined}{Top(report.UndeterminedMissing, "missing")}"));
        var written = string.Join(", ", report.OutcomesByCode.Select(kv => string.Create(c, $"{kv.Key} {kv.Value}")));
        output.WriteLine(string.Create(c, $"  outcomes            {report.OutcomesByCode.Values.Sum()}{(written.Length > 0 ? $" ({written})" : string.Empty)}"));
        if (report.OutcomeChanges is { } changes)
        {
            WriteLive(report, changes, output);
        }

        output.WriteLine(string.Create(c, $"  quarantined records {report.Quarantined.Count}"));
        foreach (var entry in report.Quarantined.Take(MaxQuarantineLines))
        {
            var what = entry.ResourceType is null ? "unreadable record" : $"{entry.ResourceType}/{entry.ResourceId}";
            output.WriteLine($"    {entry.Location}  {what}: {entry.Reason}");
        }

        if (report.Quarantined.Count > MaxQuarantineLines)
        {
            output.WriteLine(string.Create(c, $"    ... and {report.Quarantined.Count - MaxQuarantineLines} more (see the run report)"));
        }

        if (reportPath is not null)
        {
            output.WriteLine($"  report              {reportPath}");
        }
    }

    /// <summary>Live sync only: requests, candidates, what was written back and which patients failed.</summary>
    private static void WriteLive(RunReport report, IReadOnlyDictionary<string, OutcomeChangeCount> changes, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var verb = report.DryRun ? "would write" : "written";
        output.WriteLine(string.Create(c, $"  EHR requests        {report.RequestsMade}"));
        output.WriteLine(string.Create(c, $"  candidates          {report.Candidates}"));
        output.WriteLine(string.Create(
            c,
            $"  outcomes {verb,-10} {report.OutcomesWritten} (new {changes.Values.Sum(x => x.New)}, amended {changes.Values.Sum(x => x.Changed)}, retracted {changes.Values.Sum(x => x.Retracted)}), unchanged {report.OutcomesUnchanged}"));
        output.WriteLine(string.Create(c, $"  patients failed     {report.PatientsFailed}{(report.PatientsFailed > 0 ? " (queued: retried next run)" : string.Empty)}"));
    }

    private static string Top(IReadOnlyList<CriterionCount> counts, string label = "not met")
    {
        if (counts.Count == 0)
        {
            return string.Empty;
        }

        var top = string.Join(", ", counts.Take(3).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Criterion} {x.Patients}")));
        return $" ({label}: {top})";
    }
}
