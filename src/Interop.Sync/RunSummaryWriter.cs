using System.Globalization;

namespace Interop.Sync;

/// <summary>The short human summary a sync prints.</summary>
internal static class RunSummaryWriter
{
    private const int MaxQuarantineLines = 20;

    private static string Fingerprint(RunReport report) => report.RuleSetFingerprint is { } f ? $" (options {f})" : string.Empty;

    public static void Write(RunReport report, TextWriter output, string? reportPath)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Interop sync{(report.DryRun ? " (dry run: nothing written)" : string.Empty)} as of {report.AsOf:yyyy-MM-dd'T'HH:mm:sszzz}, rules {report.RuleSetVersion}{Fingerprint(report)}"));
        if (report.RuleSetChangedSettings.Count > 0)
        {
            output.WriteLine(
                $"  WARNING: rule options differ from the defaults of {report.RuleSetVersion} ({string.Join(", ", report.RuleSetChangedSettings)}) under the same label: change Rules:RuleSetVersion with them");
        }

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

        var outside = report.Quarantined.Count(q => q.OutsideScreening);
        var outsideNote = outside > 0 ? string.Create(c, $" ({outside} of patients not screened: they change no outcome)") : string.Empty;
        output.WriteLine(string.Create(c, $"  quarantined records {report.Quarantined.Count}{outsideNote}"));
        if (report.Quarantined.Any(q => q.AffectsEveryPatient))
        {
            output.WriteLine("    every screened patient withheld: a source file that can hold any patient's records could not be read");
        }

        foreach (var entry in report.Quarantined.Take(MaxQuarantineLines))
        {
            output.WriteLine($"    {entry.Location}  {What(entry.ResourceType, entry.ResourceId, entry.PatientId)}: {entry.Reason}");
        }

        More(report.Quarantined.Count, output);
        output.WriteLine(string.Create(c, $"  warnings            {report.Warnings.Count}"));
        foreach (var warning in report.Warnings.Take(MaxQuarantineLines))
        {
            output.WriteLine($"    {warning.Location}  {What(warning.ResourceType, warning.ResourceId, warning.PatientId)}: {warning.Rule}: {warning.Detail}");
        }

        More(report.Warnings.Count, output);
        if (report.Skipped.Count > 0)
        {
            output.WriteLine(string.Create(c, $"  skipped input       {report.Skipped.Count} note{(report.Skipped.Count == 1 ? string.Empty : "s")}"));
            foreach (var note in report.Skipped.Take(MaxQuarantineLines))
            {
                output.WriteLine($"    {note.File}  {note.Detail}");
            }

            More(report.Skipped.Count, output);
        }

        if (reportPath is not null)
        {
            output.WriteLine($"  report              {reportPath}");
        }
    }

    private static string What(string? resourceType, string? resourceId, string? patientId)
    {
        var what = resourceType is null ? "unreadable record" : $"{resourceType}/{resourceId}";
        return patientId is null ? what : $"{what} (patient {patientId})";
    }

    private static void More(int count, TextWriter output)
    {
        if (count > MaxQuarantineLines)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    ... and {count - MaxQuarantineLines} more (see the run report)"));
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
        if (report.PatientsParked > 0)
        {
            output.WriteLine(string.Create(c, $"  patients parked     {report.PatientsParked} (a duplicated outcome identifier: fix the EHR by hand, see serverDrift)"));
        }

        output.WriteLine(string.Create(c, $"  server drift        {report.ServerDrift.Count}"));
        foreach (var drift in report.ServerDrift.Take(MaxQuarantineLines))
        {
            output.WriteLine($"    {drift.Kind} -> {drift.Action}  {drift.OutcomeCode} (patient {drift.PatientId}): {string.Join(", ", drift.ResourceIds)}");
        }

        More(report.ServerDrift.Count, output);
    }

    private static string Top(IReadOnlyList<CriterionCount> counts, string label = "not met")
    {
        if (counts.Count == 0)
        {
            return string.Empty;
        }

        var top = string.Join(", ", counts.Take(3).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Criterion} {x.Patients}")));
        var more = counts.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $", +{counts.Count - 3} more in the run report") : string.Empty;
        return $" ({label}: {top}{more})";
    }
}
