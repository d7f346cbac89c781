using System.Globalization;

namespace Interop.Sync;

/// <summary>
/// A run that finished without anything to evaluate (README.md, "Exit codes"): an empty or wrong export folder, a source
/// without any record the trial rules screen for, or an EHR whose candidate searches found nobody on a first or full read. Exits
/// <see cref="ExitCodes.NothingToEvaluate"/> rather than 0, so that a nightly job's monitoring sees it.
/// </summary>
internal static class NothingToEvaluate
{
    /// <summary>The one-line warning for <paramref name="report"/>, or null when it evaluated someone (or had records to).</summary>
    public static string? Warning(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        if (report.OutcomeChanges is not null)
        {
            // A live run: the candidates are what its code searches found (plus patients queued from earlier runs). An
            // incremental run that finds nobody changed since the last is a normal night, not "nothing to evaluate".
            return !report.Incremental && report.Candidates == 0 && report.PatientsEvaluated == 0 && report.PatientsFailed == 0
                ? "warning: the EHR returned no candidate (no ALL Condition, no blinatumomab administration): check the connection's scopes and the codes the EHR uses (docs/ehr-vendors.md)."
                : null;
        }

        if (report.ResourcesRead == 0 && report.Quarantined.Count == 0)
        {
            return "warning: the source holds no FHIR record (resources read 0): an empty or wrong export folder? (--source, Interop:Source)";
        }

        return report.PatientsScreened == 0 && report.Quarantined.Count == 0
            ? string.Create(c, $"warning: none of the {report.ResourcesRead} records read screens a patient for the trial (no ALL diagnosis, no leukaemia work-up, no blinatumomab): the wrong export, or local codes without a site map (Interop:SiteMaps)?")
            : null;
    }

    /// <summary>Prints the warning, if any, and returns the process exit code: <see cref="ExitCodes.NothingToEvaluate"/> in place of a 0.</summary>
    public static async Task<int> ExitCodeAsync(RunReport report, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Warning(report) is not { } warning)
        {
            return report.ExitCode;
        }

        await error.WriteLineAsync(warning);
        return report.ExitCode == ExitCodes.Success ? ExitCodes.NothingToEvaluate : report.ExitCode;
    }
}
