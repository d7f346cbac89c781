using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Rules;
using Interop.Ehr.Rest;
using Canonical = Interop.Fhir.Canonical;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Terminology;
using Interop.Fhir.Validation;
using Interop.Store;
using Interop.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Sync.Live;

/// <summary>
/// One sync against a live FHIR R4 EHR (fhir-contract.md "How it is written", issue 3 items 4-5): checks the
/// server can take the write-back, holds the EHR's run lease, finds candidates by code (incrementally from
/// the watermark), evaluates each, and writes per patient one transaction of the outcomes whose content changed
/// plus a Provenance, recording them in the ledger. A patient that fails is queued and retried next run; the
/// watermark advances only once every write-back of the run committed.
/// </summary>
internal sealed class LiveSyncRunner(
    StateStore store,
    TimeProvider time,
    IOptions<InteropOptions> interopOptions,
    IOptions<TrialRuleOptions> ruleOptions,
    IOptions<LiveSyncOptions> liveOptions,
    ILogger<LiveSyncRunner> logger)
{
    /// <summary>Test seam: called after each patient's transaction committed and was recorded, with how many committed so far.</summary>
    internal Action<int>? AfterTransaction { get; init; }

    /// <summary>
    /// Test seam: applied to each patient's outcomes after they are built and before they are validated (as
    /// <see cref="FileSyncRunner.BeforeValidation"/>), so a test can hand the gate a broken resource. Identity in production.
    /// </summary>
    internal Func<PatientOutcomes, PatientOutcomes> BeforeValidation { get; init; } = static outcomes => outcomes;

    public async Task<RunReport> RunAsync(LiveSyncRequest request, AsOf asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(asOf);
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        var requestsBefore = request.Client.RequestCount;
        var options = liveOptions.Value;

        if (!request.DryRun)
        {
            var capabilities = await request.Client.CapabilitiesAsync(cancellationToken);
            var missing = EhrCapabilities.MissingForWriteBack(capabilities);
            if (missing.Count > 0)
            {
                LiveSyncLog.Refused(logger, request.EhrName, string.Join(", ", missing));
                throw new EhrCapabilityException(EhrCapabilities.Describe(missing)) { Missing = missing };
            }
        }

        var holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.CreateVersion7(startedAt):N}";
        if (!request.DryRun && !await store.TryAcquireRunLeaseAsync(request.EhrName, holder, options.LeaseDuration, cancellationToken))
        {
            throw new LiveSyncLeaseException(
                $"Another sync of EHR '{request.EhrName}' is running (it holds the run lease); this run did nothing. Try again when it has finished.");
        }

        Guid? runId = null;
        try
        {
            runId = await store.StartRunAsync(request.EhrName, request.DryRun ? SyncRunMode.DryRun : SyncRunMode.Live, asOf.Instant, cancellationToken);
            var report = await SyncAsync(request, asOf, holder, startedAt, started, requestsBefore, cancellationToken);
            await store.FinishRunAsync(runId.Value, Completion(report, SyncRunStatus.Completed), CancellationToken.None);
            return report;
        }
        catch (Exception) when (runId is { } id)
        {
            var failed = new SyncRunCompletion(SyncRunStatus.Failed, ExitCodes.Failure,
                new SyncRunCounts(RequestsMade: (int)(request.Client.RequestCount - requestsBefore)), []);
            await store.FinishRunAsync(id, failed, CancellationToken.None);
            throw;
        }
        finally
        {
            if (!request.DryRun)
            {
                await store.ReleaseRunLeaseAsync(request.EhrName, holder, CancellationToken.None);
            }
        }
    }

    private async Task<RunReport> SyncAsync(
        LiveSyncRequest request, AsOf asOf, string holder, DateTimeOffset startedAt, long started, long requestsBefore, CancellationToken cancellationToken)
    {
        var settings = interopOptions.Value;
        var rules = ruleOptions.Value;
        var options = liveOptions.Value;
        var ehr = request.EhrName;
        var client = request.Client;

        var terminology = TerminologyMap.Load(request.SiteMaps);
        var mapper = new FhirFactMapper(terminology, settings.TimeZone());
        var watermark = await store.GetWatermarkAsync(ehr, cancellationToken);
        LiveSyncLog.Started(logger, ehr, request.DryRun, watermark is not null);

        // The high-water mark is taken before the first search: anything changed from here on is read next run.
        var highWater = startedAt - options.ClockSkewMargin;
        var candidates = await new CandidateDiscovery(client, store, options).DiscoverAsync(ehr, terminology, watermark, cancellationToken);
        var pending = await store.ListPendingPatientsAsync(ehr, cancellationToken);
        foreach (var queued in pending)
        {
            candidates.Add(queued.PatientId);
        }

        LiveSyncLog.Candidates(logger, ehr, candidates.Count, pending.Count);

        var reader = new CandidateReader(client, mapper, options);
        var evaluator = new TrialEvaluator(rules);
        var builder = new OutcomeBuilder(settings.StudyId, AdapterVersion.Current);
        using var lease = OutcomeValidatorPool.Shared.Rent();
        var gate = new OutcomeGate(lease.Validator);
        var tally = new RunTally();
        var changes = new SortedDictionary<string, OutcomeChangeCount>(StringComparer.Ordinal);
        var quarantined = new List<QuarantineEntry>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        int read = 0, irrelevant = 0, seen = 0, screened = 0, written = 0, unchanged = 0, failed = 0, transactions = 0, processed = 0;

        foreach (var candidate in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (covered.Contains(candidate))
            {
                continue;
            }

            if (!request.DryRun && ++processed % 50 == 0)
            {
                await store.TryAcquireRunLeaseAsync(ehr, holder, options.LeaseDuration, cancellationToken);
            }

            var stage = "read-failed";
            try
            {
                var (assembled, patientIds) = await reader.ReadAsync(candidate, cancellationToken);
                covered.UnionWith(patientIds);
                read += assembled.ResourcesRead;
                irrelevant += assembled.IrrelevantResources;
                seen += assembled.PatientsSeen;
                screened += assembled.Patients.Count;

                var plans = new List<(string PatientId, List<Observation> Derived, Provenance? Provenance)>();
                foreach (var patient in assembled.Patients)
                {
                    var patientId = patient.Record.PatientId;
                    if (!evaluated.Add(patientId))
                    {
                        continue;
                    }

                    if (patient.Quarantined.Count > 0)
                    {
                        quarantined.AddRange(patient.Quarantined);
                        tally.AddWithheld();
                        LiveSyncLog.PatientWithheld(logger, ehr, patientId, "quarantined-input");
                        await QueueAsync(request, patientId, "quarantined-input", cancellationToken);
                        continue;
                    }

                    stage = "evaluation-failed";
                    var assessment = evaluator.Evaluate(patient.Record, asOf);
                    var outcomes = BeforeValidation(builder.Build(assessment, asOf.Instant));

                    // Validation before write (issue 5): a resource failing its profile withholds the patient's whole write-back.
                    var failures = gate.Check(outcomes);
                    if (failures.Count > 0)
                    {
                        quarantined.AddRange(failures);
                        tally.AddWithheld();
                        LiveSyncLog.PatientWithheld(logger, ehr, patientId, "validation-failed");
                        await QueueAsync(request, patientId, "validation-failed", cancellationToken);
                        continue;
                    }

                    tally.Add(assessment.Eligibility);
                    plans.Add((patientId, [.. outcomes.Observations], outcomes.Provenance));
                }

                // Ids read but no longer screened (or merged away): whatever the ledger holds for them is retracted.
                foreach (var id in patientIds.Where(id => !evaluated.Contains(id)).Order(StringComparer.Ordinal))
                {
                    plans.Add((id, [], null));
                }

                foreach (var (patientId, derived, provenance) in plans)
                {
                    stage = "write-failed";
                    var result = await WritePatientAsync(request, patientId, derived, provenance, cancellationToken);
                    written += result.Written;
                    unchanged += result.Unchanged;
                    foreach (var (code, change) in result.Changes)
                    {
                        var sum = changes.GetValueOrDefault(code) ?? new OutcomeChangeCount(0, 0, 0);
                        changes[code] = new OutcomeChangeCount(sum.New + change.New, sum.Changed + change.Changed, sum.Retracted + change.Retracted);
                    }

                    if (result.Committed)
                    {
                        transactions++;
                        AfterTransaction?.Invoke(transactions);
                    }
                }
            }
            catch (Exception ex) when (ex is FhirEhrException or TerminologyMapException or InvalidOperationException or ArgumentException
                && !cancellationToken.IsCancellationRequested)
            {
                failed++;
                var reason = ex switch
                {
                    FhirUnavailableException => "ehr-unavailable",
                    FhirServerException => stage == "write-failed" ? "write-rejected" : "read-rejected",
                    FhirProtocolException => "ehr-protocol",
                    _ => stage,
                };
                LiveSyncLog.PatientFailed(logger, ehr, candidate, reason, ex.GetType().Name);
                await QueueAsync(request, candidate, reason, cancellationToken);
            }
        }

        if (!request.DryRun)
        {
            // Every write-back of this run committed (failures are queued and retried regardless): move on.
            await store.AdvanceWatermarkAsync(ehr, highWater, CancellationToken.None);
        }

        var exitCode = quarantined.Count > 0 || failed > 0 ? ExitCodes.Quarantined : ExitCodes.Success;
        var report = new RunReport
        {
            AdapterVersion = AdapterVersion.Current,
            RuleSetVersion = rules.RuleSetVersion,
            AsOf = asOf.Instant,
            AsOfDate = asOf.Date,
            StartedAt = startedAt,
            DurationSeconds = Math.Round(time.GetElapsedTime(started).TotalSeconds, 3),
            DryRun = request.DryRun,
            ResourcesRead = read,
            IrrelevantResources = irrelevant,
            PatientsSeen = seen,
            PatientsScreened = screened,
            PatientsEvaluated = tally.Evaluated,
            PatientsWithheld = tally.Withheld,
            Eligible = tally.Eligible,
            Ineligible = tally.Ineligible,
            Undetermined = tally.Undetermined,
            IneligibleReasons = tally.NotMet,
            UndeterminedMissing = tally.Missing,
            OutcomesByCode = changes.ToDictionary(kv => kv.Key, kv => kv.Value.New + kv.Value.Changed + kv.Value.Retracted, StringComparer.Ordinal),
            ProvenancesWritten = request.DryRun ? 0 : transactions,
            Quarantined = quarantined,
            ExitCode = exitCode,
            RequestsMade = client.RequestCount - requestsBefore,
            Candidates = candidates.Count,
            OutcomesWritten = written,
            OutcomesUnchanged = unchanged,
            PatientsFailed = failed,
            OutcomeChanges = changes,
        };
        LiveSyncLog.Finished(logger, ehr, written, unchanged, failed, report.RequestsMade, exitCode);
        return report;
    }

    private sealed record PatientWriteResult(bool Committed, int Written, int Unchanged, Dictionary<string, OutcomeChangeCount> Changes);

    private async Task<PatientWriteResult> WritePatientAsync(
        LiveSyncRequest request, string patientId, List<Observation> derived, Provenance? provenance, CancellationToken cancellationToken)
    {
        var ehr = request.EhrName;
        var digests = derived.Select(o => (Observation: o, Identifier: o.Identifier[0].Value ?? string.Empty, Hash: OutcomeContentHash.Of(o))).ToList();
        var ledger = await store.GetLedgerAsync(ehr, patientId, cancellationToken);
        var diff = LedgerComparison.Compare(ledger, [.. digests.Select(d => new OutcomeDigest(d.Identifier, d.Hash))]);
        var changes = new Dictionary<string, OutcomeChangeCount>(StringComparer.Ordinal);
        if (diff.NothingToWrite)
        {
            if (!request.DryRun)
            {
                await store.RemovePendingPatientAsync(ehr, patientId, cancellationToken);
            }

            return new PatientWriteResult(false, 0, diff.Unchanged.Count, changes);
        }

        var newIds = diff.New.Select(d => d.OutcomeIdentifier).ToHashSet(StringComparer.Ordinal);
        var changedIds = diff.Changed.Select(d => d.OutcomeIdentifier).ToHashSet(StringComparer.Ordinal);
        var writes = new List<OutcomeWrite>();
        foreach (var (observation, identifier, hash) in digests)
        {
            var status = newIds.Contains(identifier) ? OutcomeStatus.Final : changedIds.Contains(identifier) ? OutcomeStatus.Amended : (OutcomeStatus?)null;
            if (status is { } s)
            {
                var code = observation.Code.Coding[0].Code ?? string.Empty;
                writes.Add(new OutcomeWrite(observation, identifier, code, hash, s));
                Count(changes, code, s);
            }
        }

        foreach (var retracted in diff.Retracted)
        {
            Count(changes, retracted.OutcomeCode, OutcomeStatus.EnteredInError);
            if (!request.DryRun && await LastWrittenAsync(request.Client, retracted.OutcomeIdentifier, cancellationToken) is { } last)
            {
                writes.Add(new OutcomeWrite(last, retracted.OutcomeIdentifier, retracted.OutcomeCode, retracted.ContentHash, OutcomeStatus.EnteredInError));
            }
        }

        if (request.DryRun)
        {
            return new PatientWriteResult(false, diff.New.Count + diff.Changed.Count + diff.Retracted.Count, diff.Unchanged.Count, changes);
        }

        if (writes.Count > 0)
        {
            var source = provenance ?? RetractionProvenance(patientId);
            var transaction = WriteBackTransaction.Create(writes, source, time.GetUtcNow());
            var response = await request.Client.TransactionAsync(transaction, cancellationToken);

            // The server committed: record it even if the run is being cancelled, so a rerun does not write it again.
            await store.UpsertLedgerAsync(ehr, WriteBackTransaction.LedgerEntries(writes, response, patientId, time.GetUtcNow()), CancellationToken.None);
            LiveSyncLog.PatientWritten(logger, ehr, patientId, writes.Count);
        }

        // Retracted outcomes the server no longer holds: the ledger forgets them as live.
        var gone = diff.Retracted.Where(r => !writes.Any(w => string.Equals(w.IdentifierValue, r.OutcomeIdentifier, StringComparison.Ordinal)))
            .Select(r => r with { Status = OutcomeStatus.EnteredInError, WrittenAt = time.GetUtcNow() }).ToList();
        await store.UpsertLedgerAsync(ehr, gone, CancellationToken.None);
        await store.RemovePendingPatientAsync(ehr, patientId, CancellationToken.None);
        return new PatientWriteResult(writes.Count > 0, writes.Count, diff.Unchanged.Count, changes);
    }

    private static async Task<Observation?> LastWrittenAsync(FhirClient client, string identifierValue, CancellationToken cancellationToken)
    {
        await foreach (var resource in client.SearchAsync(
            "Observation", [new("identifier", $"{Canonical.OutcomeIdentifierSystem}|{identifierValue}")], cancellationToken))
        {
            if (resource is Observation observation)
            {
                return observation;
            }
        }

        return null;
    }

    // A patient no longer screened has no assessment: the retraction's Provenance names the adapter and no evidence.
    private static Provenance RetractionProvenance(string patientId)
    {
        _ = patientId;
        return new Provenance
        {
            Meta = new Meta { Profile = [Canonical.Profile("blinfant-provenance")] },
            Contained =
            [
                new Device
                {
                    Id = "adapter",
                    Identifier = [new Identifier(Canonical.DeviceIdentifierSystem, "interop")],
                    DeviceName = [new Device.DeviceNameComponent { Name = "Interop", Type = DeviceNameType.ManufacturerName }],
                    Version = [new Device.VersionComponent { Value = AdapterVersion.Current }],
                },
            ],
            Agent =
            [
                new Provenance.AgentComponent
                {
                    Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", "Assembler"),
                    Who = new ResourceReference("#adapter"),
                },
            ],
        };
    }

    private static void Count(Dictionary<string, OutcomeChangeCount> changes, string code, OutcomeStatus status)
    {
        var c = changes.GetValueOrDefault(code) ?? new OutcomeChangeCount(0, 0, 0);
        changes[code] = status switch
        {
            OutcomeStatus.Final => c with { New = c.New + 1 },
            OutcomeStatus.Amended => c with { Changed = c.Changed + 1 },
            _ => c with { Retracted = c.Retracted + 1 },
        };
    }

    private async System.Threading.Tasks.Task QueueAsync(LiveSyncRequest request, string patientId, string reason, CancellationToken cancellationToken)
    {
        if (!request.DryRun)
        {
            await store.RecordPendingPatientAsync(request.EhrName, patientId, reason, cancellationToken);
        }
    }

    private static SyncRunCompletion Completion(RunReport report, SyncRunStatus status) => new(
        status,
        report.ExitCode,
        new SyncRunCounts(report.ResourcesRead, report.PatientsScreened, report.PatientsEvaluated, report.PatientsWithheld,
            report.OutcomesWritten, report.OutcomesUnchanged, (int)report.RequestsMade),
        [.. report.Quarantined.Select(q => new QuarantinedRecord(q.Location, q.ResourceType, q.ResourceId, q.PatientId, q.Reason))]);
}
