using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Store;
using Interop.Sync.Live;

namespace Interop.Sync;

/// <summary>
/// What a run has done so far (reads, verdicts, writes, failures), and the run report made of it: the one report builder of
/// every run, whatever its source (an NDJSON folder, the EHR's REST API, a Bulk export) and sink (NDJSON files, the EHR).
/// </summary>
/// <param name="live">A live run (outcomes written to an EHR by transaction, with a ledger); false: file mode.</param>
internal sealed class RunProgress(bool live)
{
    private readonly SortedDictionary<string, OutcomeChangeCount> _changes = new(StringComparer.Ordinal);

    public RunTally Tally { get; } = new();

    public List<QuarantineEntry> Quarantined { get; } = [];

    public List<WarningEntry> Warnings { get; } = [];

    /// <summary>Input skipped because it is not patient data (file mode: an export's logs and error reports).</summary>
    public List<Interop.Ehr.Ndjson.SourceNote> Skipped { get; } = [];

    public int ResourcesRead { get; private set; }

    public int IrrelevantResources { get; private set; }

    public int PatientsSeen { get; private set; }

    public int PatientsScreened { get; private set; }

    public int OutcomesWritten { get; private set; }

    public int OutcomesUnchanged { get; private set; }

    public int PatientsFailed { get; private set; }

    /// <summary>Transactions committed so far.</summary>
    public int Transactions { get; private set; }

    /// <summary>
    /// Adds what was read. A live run reports a screened patient's quarantined records when that patient is withheld; file
    /// mode (<paramref name="everyQuarantine"/>) reports every one now, in input order, so its report is the same each run.
    /// </summary>
    public void AddRead(AssemblyResult assembled, bool everyQuarantine = false)
    {
        ArgumentNullException.ThrowIfNull(assembled);
        ResourcesRead += assembled.ResourcesRead;
        IrrelevantResources += assembled.IrrelevantResources;
        PatientsSeen += assembled.PatientsSeen;
        PatientsScreened += assembled.Patients.Count;
        Warnings.AddRange(assembled.Warnings);

        // A screened patient's quarantined records are added when that patient is withheld; the rest (unattributed, or of a
        // patient who is not screened) are reported here, so that nothing read is set aside without a word.
        var screened = assembled.Patients.Select(p => p.Record.PatientId).ToHashSet(StringComparer.Ordinal);
        Quarantined.AddRange(assembled.Quarantined.Where(q => everyQuarantine || q.PatientId is null || !screened.Contains(q.PatientId)));
    }

    /// <summary>Adds one patient's write-back; true when it committed a transaction.</summary>
    public bool AddWrite(PatientWriteResult result)
    {
        OutcomesWritten += result.Written;
        OutcomesUnchanged += result.Unchanged;
        foreach (var (code, change) in result.Changes)
        {
            var sum = _changes.GetValueOrDefault(code) ?? new OutcomeChangeCount(0, 0, 0);
            _changes[code] = new OutcomeChangeCount(sum.New + change.New, sum.Changed + change.Changed, sum.Retracted + change.Retracted);
        }

        if (result.Committed)
        {
            Transactions++;
        }

        return result.Committed;
    }

    public void AddFailed() => PatientsFailed++;

    /// <summary>What the run found changed on the server behind its back, and what it did (run report <c>serverDrift</c>).</summary>
    public List<ServerDriftRecord> Drift { get; } = [];

    /// <summary>Patients parked (a duplicated outcome identifier): not written until fixed by hand.</summary>
    public int PatientsParked { get; private set; }

    /// <summary>Parked patients the drift scan found still blocked.</summary>
    public void AddParked(IEnumerable<ServerDriftRecord> drift, int patients)
    {
        Drift.AddRange(drift);
        PatientsParked += patients;
    }

    /// <summary>A patient whose write-back met duplicated identifiers: queued (a failure) or parked.</summary>
    public void AddDuplicates(IReadOnlyList<ServerDriftRecord> drift)
    {
        Drift.AddRange(drift);
        if (drift.Any(d => d.Action == DriftKinds.Parked))
        {
            PatientsParked++;
        }
        else
        {
            PatientsFailed++;
        }
    }

    public RunReport ToReport(bool dryRun, AsOf asOf, RuleSetIdentity ruleSet, DateTimeOffset startedAt, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(asOf);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var exitCode = Quarantined.Exists(q => !q.OutsideScreening) || PatientsFailed > 0 || PatientsParked > 0 ? ExitCodes.Quarantined : ExitCodes.Success;
        return new RunReport
        {
            AdapterVersion = AdapterVersion.Current,
            RuleSetVersion = ruleSet.Version,
            RuleSetFingerprint = ruleSet.Fingerprint,
            RuleSetChangedSettings = ruleSet.ChangedSettings,
            AsOf = asOf.Instant,
            AsOfDate = asOf.Date,
            StartedAt = startedAt,
            DurationSeconds = Math.Round(elapsed.TotalSeconds, 3),
            DryRun = dryRun,
            ResourcesRead = ResourcesRead,
            IrrelevantResources = IrrelevantResources,
            PatientsSeen = PatientsSeen,
            PatientsScreened = PatientsScreened,
            PatientsEvaluated = Tally.Evaluated,
            PatientsWithheld = Tally.Withheld,
            Eligible = Tally.Eligible,
            Ineligible = Tally.Ineligible,
            Undetermined = Tally.Undetermined,
            IneligibleReasons = Tally.NotMet,
            UndeterminedMissing = Tally.Missing,
            OutcomesByCode = live
                ? _changes.ToDictionary(kv => kv.Key, kv => kv.Value.New + kv.Value.Changed + kv.Value.Retracted, StringComparer.Ordinal)
                : Tally.Outcomes,
            ProvenancesWritten = dryRun ? 0 : live ? Transactions : Tally.Provenances,
            Quarantined = Quarantined,
            Warnings = Warnings,
            Skipped = Skipped,
            ExitCode = exitCode,
            OutcomesWritten = OutcomesWritten,
            OutcomesUnchanged = OutcomesUnchanged,
            PatientsFailed = PatientsFailed,
            PatientsParked = PatientsParked,
            ServerDrift = Drift,
            OutcomeChanges = live ? _changes : null,
        };
    }
}
