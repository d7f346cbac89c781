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
