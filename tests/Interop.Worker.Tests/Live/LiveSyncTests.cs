using Interop.Ehr.Rest;
using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Terminology;
using Interop.Store;
using Interop.Sync;
using Interop.Testing;
using Interop.Sync.Live;
using Interop.Worker.Tests.EndToEnd;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// Live sync end to end against the real local FHIR server (tests/fhir-server), each test on a fresh server
/// loaded with the bundled sample export and a fresh SQLite store.
/// </summary>
public sealed class LiveSyncTests
{
    private const string BlinfantSystem = "https://fhir.blinfant-interop.org/CodeSystem/blinfant";

    [Fact]
    public async Task FirstSync_SampleEhr_WritesExpectedOutcomesThenRerunWritesNothing()
    {
        await using var ehr = await LiveEhr.StartAsync();

        var first = await ehr.SyncAsync();

        var pending = await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None);
        Assert.True(first.PatientsFailed == 0, string.Join(", ", pending.Select(p => p.PatientId + ":" + p.Reason)));
        Assert.True(first.OutcomesWritten > 0);
        var outcomes = await ehr.OutcomesAsync();
        Assert.Equal(first.OutcomesWritten, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(ObservationStatus.Final, o.Status));
        Assert.Equal(first.ProvenancesWritten, await ehr.CountAsync("Provenance"));
        Assert.Equal(first.PatientsEvaluated, first.ProvenancesWritten);
        Assert.Equal(0, await ehr.CountAsync("ResearchSubject"));
        var expected = SampleExpectations.Load();
        foreach (var patient in expected.Take(6).Concat(expected.Where(p => p.Verdict != "eligible").Take(3)))
        {
            Assert.Equal(patient.Verdict, Value(outcomes, "eligibility", patient.PatientId));
            if (patient.CourseState != "not-started" || patient.Verdict == "eligible")
            {
                Assert.Equal(patient.CourseState, Value(outcomes, "blinatumomab-course", patient.PatientId));
            }
        }

        var statuses = await ehr.Store.ListSubjectStatusesAsync(new SubjectStatusQuery(EhrName: LiveEhr.EhrName, Take: 1000), CancellationToken.None);
        var run = await ehr.Store.GetLatestRunAsync(LiveEhr.EhrName, CancellationToken.None);
        Assert.Equal(first.PatientsEvaluated, statuses.Total);
        Assert.All(statuses.Items, s => Assert.Equal(run!.RunId, s.RunId));
        Assert.All(expected.Take(6), p => Assert.Equal(p.Verdict, statuses.Items.Single(s => s.PatientId == p.PatientId).Verdict));

        var eligibility = outcomes.Single(o => o.Identifier[0].Value == "blinfant/eligibility/p001");
        var historyBefore = await ehr.GetAsync<Bundle>($"Observation/{eligibility.Id}/_history");
        var provenancesBefore = await ehr.CountAsync("Provenance");

        var second = await ehr.SyncAsync();

        Assert.True(second.OutcomesWritten == 0, $"rerun wrote {second.OutcomesWritten}: {string.Join(", ", second.OutcomeChanges!.Select(kv => kv.Key + "=" + kv.Value))}; candidates {second.Candidates}");
        Assert.Equal(0, second.ProvenancesWritten);
        Assert.True(second.Candidates == 0, $"rerun candidates {second.Candidates} (first {first.Candidates}), requests {second.RequestsMade}, pending {(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None)).Count}, watermark {await ehr.Store.GetWatermarkAsync(LiveEhr.EhrName, CancellationToken.None):o}");
        Assert.InRange(second.RequestsMade, 1, 12);
        Assert.True(second.RequestsMade * 10 < first.RequestsMade, $"rerun {second.RequestsMade} vs first {first.RequestsMade} requests");
        var historyAfter = await ehr.GetAsync<Bundle>($"Observation/{eligibility.Id}/_history");
        Assert.Equal(historyBefore.Entry.Count, historyAfter.Entry.Count);
        Assert.Equal(provenancesBefore, await ehr.CountAsync("Provenance"));
        Assert.Equal(outcomes.Count, (await ehr.OutcomesAsync()).Count);
    }

    [Fact]
    public async Task ChangedMrdResult_NextSync_AmendsOnlyThatPatientsMrdOutcome()
    {
        await using var ehr = await LiveEhr.StartAsync();
        await ehr.SyncAsync();
        var before = (await ehr.OutcomesAsync()).ToDictionary(o => o.Identifier[0].Value!, o => o.Meta!.VersionId, StringComparer.Ordinal);

        var map = TerminologyMap.Load([RepositoryPaths.SampleSiteMap]);
        var p001 = await ehr.GetAsync<Bundle>("Observation?subject=Patient/p001&_count=1000");
        var mrd = p001.Entry.Select(e => e.Resource).OfType<Observation>()
            .Where(o => map.Resolve(o.Code) is InputConcept.Mrd or InputConcept.MrdPcr or InputConcept.MrdFlow)
            .OrderBy(o => o.Effective is FhirDateTime d ? d.Value : string.Empty, StringComparer.Ordinal)
            .Last();
        // The last MRD (coded negative in the sample) becomes 0.001 (1e-3, high positive).
        mrd.Value = new Quantity { Value = 0.001m, Unit = "1", System = "http://unitsofmeasure.org", Code = "1" };
        var update = new Bundle { Type = Bundle.BundleType.Transaction };
        update.Entry.Add(new Bundle.EntryComponent
        {
            Resource = mrd,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Observation/" + mrd.Id },
        });
        await ehr.PostAsync(update);

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        Assert.Equal(1, report.ProvenancesWritten);
        Assert.Contains("mrd-after-blinatumomab", report.OutcomeChanges!.Keys);
        Assert.All(report.OutcomeChanges!.Keys, k => Assert.Contains(k, new[] { "mrd-after-blinatumomab", "primary-endpoint" }));
        var after = await ehr.OutcomesAsync();
        var changed = after.Where(o => before[o.Identifier[0].Value!] != o.Meta!.VersionId).ToList();
        Assert.Contains(changed, o => o.Identifier[0].Value == "blinfant/mrd-after-blinatumomab/p001");
        Assert.All(changed, o =>
        {
            Assert.EndsWith("/p001", o.Identifier[0].Value, StringComparison.Ordinal);
            Assert.Equal(ObservationStatus.Amended, o.Status);
        });
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public async Task SyncCancelledMidRun_NextRun_CompletesWithEveryOutcomeOnce()
    {
        await using var ehr = await LiveEhr.StartAsync();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ehr.SyncAsync(afterTransaction: n =>
            {
                if (n == 5)
                {
                    cancel.Cancel();
                }
            }, cancellationToken: cancel.Token));

        Assert.Null(await ehr.Store.GetWatermarkAsync(LiveEhr.EhrName, CancellationToken.None));
        var partial = await ehr.OutcomesAsync();
        Assert.NotEmpty(partial);

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        Assert.NotNull(await ehr.Store.GetWatermarkAsync(LiveEhr.EhrName, CancellationToken.None));
        var outcomes = await ehr.OutcomesAsync();
        Assert.Equal(outcomes.Count, outcomes.Select(o => o.Identifier[0].Value).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(report.OutcomesWritten + report.OutcomesUnchanged, outcomes.Count);
        Assert.Equal(partial.Count, report.OutcomesUnchanged);
        Assert.All(outcomes, o => Assert.Equal(ObservationStatus.Final, o.Status));

        var third = await ehr.SyncAsync();
        Assert.Equal(0, third.OutcomesWritten);
    }

    [Fact]
    public async Task DryRun_SampleEhr_WritesNothingAndReportsWouldBeChanges()
    {
        await using var ehr = await LiveEhr.StartAsync();

        var report = await ehr.SyncAsync(dryRun: true);

        Assert.True(report.DryRun);
        Assert.True(report.OutcomesWritten > 0);
        Assert.Equal(report.PatientsEvaluated, report.OutcomeChanges!["eligibility"].New);
        Assert.Empty(await ehr.OutcomesAsync());
        Assert.Equal(0, await ehr.CountAsync("Provenance"));
        Assert.Null(await ehr.Store.GetWatermarkAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.Empty(await ehr.Store.GetLedgerAsync(LiveEhr.EhrName, "p001", CancellationToken.None));
    }

    [Fact]
    public async Task ServerWithoutTransaction_Sync_RefusesAndWritesNothing()
    {
        await using var ehr = await LiveEhr.StartAsync(load: false);
        var capabilities = await ehr.GetAsync<CapabilityStatement>("metadata");
        capabilities.Rest[0].Interaction.RemoveAll(i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction);
        var missing = EhrCapabilities.MissingForWriteBack(ServerCapabilities.Of(capabilities));
        Assert.Equal(["transaction"], missing);
        var observation = capabilities.Rest[0].Resource.Single(r => r.Type == "Observation");
        observation.ConditionalUpdate = false;

        var exception = new EhrCapabilityException(EhrCapabilities.Describe(EhrCapabilities.MissingForWriteBack(ServerCapabilities.Of(capabilities))));
        Assert.Contains("the server does not support transaction, conditional update on Observation", exception.Message, StringComparison.Ordinal);

        // Through the runner: a server whose metadata lacks transaction (a stub handler in front of nothing).
        using var stub = new StubFhirServer(capabilities);
        var refused = await Assert.ThrowsAsync<EhrCapabilityException>(() => stub.SyncAsync(ehr));
        Assert.Contains("transaction", refused.Missing);
        Assert.Equal(["GET /fhir/metadata"], stub.Requests);
        Assert.Null(await ehr.Store.GetWatermarkAsync("stub", CancellationToken.None));
    }

    [Fact]
    public async Task OutcomeFailingItsProfile_Sync_WritesNothingForThatPatientAndEveryOtherPatient()
    {
        await using var ehr = await LiveEhr.StartAsync();

        var report = await ehr.SyncAsync(beforeValidation: o => o.PatientId == "p001" ? WithoutEligibilityIdentifier(o) : o);

        Assert.Equal(ExitCodes.Quarantined, report.ExitCode);
        var failure = Assert.Single(report.Quarantined, q => q.Location == OutcomeGate.Location);
        Assert.Equal(OutcomeGate.Location, failure.Location);
        Assert.Equal("p001", failure.PatientId);
        Assert.Equal("Observation", failure.ResourceType);
        Assert.Equal(report.Quarantined.Select(q => q.PatientId).Distinct(StringComparer.Ordinal).Count(), report.PatientsWithheld);
        Assert.Equal(0, report.PatientsFailed);
        var outcomes = await ehr.OutcomesAsync();
        Assert.DoesNotContain(outcomes, o => o.Identifier[0].Value!.EndsWith("/p001", StringComparison.Ordinal));
        Assert.DoesNotContain(outcomes, o => o.Subject?.Reference == "Patient/p001");
        Assert.Contains(outcomes, o => o.Identifier[0].Value == "blinfant/eligibility/p002");
        Assert.Equal(report.OutcomesWritten, outcomes.Count);
        Assert.Equal(report.PatientsEvaluated, report.ProvenancesWritten);
        Assert.Equal(report.ProvenancesWritten, await ehr.CountAsync("Provenance"));
        Assert.Empty(await ehr.Store.GetLedgerAsync(LiveEhr.EhrName, "p001", CancellationToken.None));
        var pending = Assert.Single(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None), p => p.PatientId == "p001");
        Assert.Equal("validation-failed", pending.Reason);

        // Once the outcome is valid again, the queued patient is written on the next run, and only it.
        var retry = await ehr.SyncAsync();

        Assert.DoesNotContain(retry.Quarantined, q => q.Location == OutcomeGate.Location);
        Assert.Equal(1, retry.ProvenancesWritten);
        Assert.Contains(await ehr.OutcomesAsync(), o => o.Identifier[0].Value == "blinfant/eligibility/p001");
        Assert.DoesNotContain(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None), p => p.PatientId == "p001");
    }

    [Fact]
    public async Task SecondConcurrentRunOfSameEhr_IsRefusedWhileTheFirstHoldsTheLease()
    {
        await using var ehr = await LiveEhr.StartAsync();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();

        // The first run stops after its first committed transaction, holding the lease, until the second has been refused.
        var first = Task.Run(() => ehr.SyncAsync(afterTransaction: n =>
        {
            if (n == 1)
            {
                writing.SetResult();
                Assert.True(release.Wait(TimeSpan.FromMinutes(2)));
            }
        }));
        await writing.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var outcomesMeanwhile = (await ehr.OutcomesAsync()).Count;
        var provenancesMeanwhile = await ehr.CountAsync("Provenance");

        LiveSyncLeaseException refused;
        try
        {
            refused = await Assert.ThrowsAsync<LiveSyncLeaseException>(() => ehr.SyncAsync());

            // The refused run wrote nothing (the first is still paused).
            Assert.Equal(outcomesMeanwhile, (await ehr.OutcomesAsync()).Count);
            Assert.Equal(provenancesMeanwhile, await ehr.CountAsync("Provenance"));
        }
        finally
        {
            release.Set();
        }

        Assert.Contains("run lease", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p0", refused.Message, StringComparison.Ordinal);
        var report = await first;
        Assert.Equal(0, report.PatientsFailed);
        Assert.Equal(report.ProvenancesWritten, await ehr.CountAsync("Provenance"));
        Assert.Equal(report.OutcomesWritten, (await ehr.OutcomesAsync()).Count);

        // The lease is released with the first run: the next run proceeds (and finds nothing to write).
        var next = await ehr.SyncAsync();
        Assert.Equal(0, next.OutcomesWritten);
    }

    [Fact]
    public async Task OutcomeNoLongerDerived_NextSync_RewritesItEnteredInErrorExactlyOnce()
    {
        await using var ehr = await LiveEhr.StartAsync();
        await ehr.SyncAsync();
        const string Identifier = "blinfant/mrd-after-blinatumomab/p001";
        var mrdOutcome = (await ehr.OutcomesAsync()).Single(o => o.Identifier[0].Value == Identifier);
        Assert.Equal(ObservationStatus.Final, mrdOutcome.Status);
        var versionsBefore = (await ehr.GetAsync<Bundle>($"Observation/{mrdOutcome.Id}/_history")).Entry.Count;

        // Every MRD result of p001 from the course on (started 2019-02-28) was entered in error.
        var map = TerminologyMap.Load([RepositoryPaths.SampleSiteMap]);
        var p001 = await ehr.GetAsync<Bundle>("Observation?subject=Patient/p001&_count=1000");
        var update = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var mrd in p001.Entry.Select(e => e.Resource).OfType<Observation>()
            .Where(o => map.Resolve(o.Code) is InputConcept.Mrd or InputConcept.MrdPcr or InputConcept.MrdFlow)
            .Where(o => o.Effective is FhirDateTime d && string.CompareOrdinal(d.Value, "2019-02-28") >= 0))
        {
            mrd.Status = ObservationStatus.EnteredInError;
            update.Entry.Add(new Bundle.EntryComponent
            {
                Resource = mrd,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Observation/" + mrd.Id },
            });
        }

        Assert.NotEmpty(update.Entry);
        await ehr.PostAsync(update);

        var report = await ehr.SyncAsync();

        Assert.Equal(0, report.PatientsFailed);
        Assert.Equal(1, report.OutcomeChanges!["mrd-after-blinatumomab"].Retracted);
        var retracted = (await ehr.OutcomesAsync()).Single(o => o.Identifier[0].Value == Identifier);
        Assert.Equal(mrdOutcome.Id, retracted.Id);
        Assert.Equal(ObservationStatus.EnteredInError, retracted.Status);
        Assert.Equal(versionsBefore + 1, (await ehr.GetAsync<Bundle>($"Observation/{mrdOutcome.Id}/_history")).Entry.Count);
        var ledger = await ehr.Store.GetLedgerAsync(LiveEhr.EhrName, "p001", CancellationToken.None);
        Assert.Contains(ledger, e => e.OutcomeIdentifier == Identifier && e.Status == Interop.Store.OutcomeStatus.EnteredInError);

        var rerun = await ehr.SyncAsync();

        Assert.Equal(0, rerun.OutcomesWritten);
        Assert.Equal(0, rerun.ProvenancesWritten);
        var history = await ehr.GetAsync<Bundle>($"Observation/{mrdOutcome.Id}/_history");
        Assert.Equal(versionsBefore + 1, history.Entry.Count);
        Assert.Single(history.Entry, e => e.Resource is Observation { Status: ObservationStatus.EnteredInError });
    }

    [Fact]
    public async Task OnePatientsTransactionRejected_OthersWritten_NextRunCompletesIt()
    {
        await using var ehr = await LiveEhr.StartAsync();
        ehr.RejectTransaction = body => body.Contains("blinfant/eligibility/p002\"", StringComparison.Ordinal);

        var first = await ehr.SyncAsync();

        Assert.Equal(1, first.PatientsFailed);
        Assert.Equal(ExitCodes.Quarantined, first.ExitCode);
        var pending = Assert.Single(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None), p => p.PatientId == "p002");
        Assert.Equal("write-rejected", pending.Reason);
        var outcomes = await ehr.OutcomesAsync();
        Assert.DoesNotContain(outcomes, o => o.Identifier[0].Value!.EndsWith("/p002", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Identifier[0].Value == "blinfant/eligibility/p001");
        Assert.Equal(first.PatientsEvaluated - 1, first.ProvenancesWritten);
        Assert.Equal(first.ProvenancesWritten, await ehr.CountAsync("Provenance"));
        Assert.Empty(await ehr.Store.GetLedgerAsync(LiveEhr.EhrName, "p002", CancellationToken.None));

        ehr.RejectTransaction = null;
        var second = await ehr.SyncAsync();

        Assert.Equal(0, second.PatientsFailed);
        Assert.Equal(1, second.ProvenancesWritten);
        Assert.DoesNotContain(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None), p => p.PatientId == "p002");
        var after = await ehr.OutcomesAsync();
        Assert.Contains(after, o => o.Identifier[0].Value == "blinfant/eligibility/p002");
        Assert.Equal(outcomes.Count + second.OutcomesWritten, after.Count);
        var versions = outcomes.ToDictionary(o => o.Identifier[0].Value!, o => o.Meta!.VersionId, StringComparer.Ordinal);
        Assert.All(after.Where(o => versions.ContainsKey(o.Identifier[0].Value!)),
            o => Assert.Equal(versions[o.Identifier[0].Value!], o.Meta!.VersionId));
        Assert.Equal(0, (await ehr.SyncAsync()).OutcomesWritten);
    }

    [Fact]
    public async Task TransactionFailingItsProfiles_Sync_SendsNothingForThatPatient()
    {
        await using var ehr = await LiveEhr.StartAsync();
        var broken = ehr.Runner(beforeTransactionValidation: bundle =>
        {
            foreach (var o in bundle.Entry.Select(e => e.Resource).OfType<Observation>().Where(o => o.Identifier[0].Value == "blinfant/eligibility/p001"))
            {
                o.Code = new CodeableConcept("http://loinc.org", "0000-0");
            }

            return bundle;
        });

        var report = await broken.RunAsync(new LiveSyncRequest(LiveEhr.EhrName, ehr.Client, [RepositoryPaths.SampleSiteMap], DryRun: false), LiveEhr.AsOf(), CancellationToken.None);

        Assert.Equal(1, report.PatientsFailed);
        Assert.Contains(report.Quarantined, q => q.Location == OutcomeGate.Location && q.PatientId == "p001");
        var outcomes = await ehr.OutcomesAsync();
        Assert.DoesNotContain(outcomes, o => o.Identifier[0].Value!.EndsWith("/p001", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Identifier[0].Value == "blinfant/eligibility/p002");
        Assert.Equal(report.ProvenancesWritten, await ehr.CountAsync("Provenance"));
        Assert.Contains(await ehr.Store.ListPendingPatientsAsync(LiveEhr.EhrName, CancellationToken.None), p => p.PatientId == "p001" && p.Reason == "validation-failed");
    }

    private static PatientOutcomes WithoutEligibilityIdentifier(PatientOutcomes outcomes)
    {
        var observations = outcomes.Observations.Select(o => (Observation)o.DeepCopy()).ToList();
        observations.Single(o => o.Code.Coding[0].Code == OutcomeCodes.Eligibility).Identifier.Clear();
        return outcomes with { Observations = observations };
    }

    private static string? Value(List<Observation> outcomes, string code, string patientId)
    {
        var observation = outcomes.SingleOrDefault(o => o.Identifier[0].Value == $"blinfant/{code}/{patientId}");
        Assert.True(observation is not null, $"no {code} outcome for {patientId}");
        var coding = Assert.IsType<CodeableConcept>(observation.Value).Coding.Single(c => c.System == BlinfantSystem);
        return coding.Code;
    }
}
