using System.Net;
using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;
using Interop.Sync.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.Sync.Tests.Pipeline;

/// <summary>The one sync pipeline (ADR 0017) between a fake source and a fake sink, over the bundled sample's patients.</summary>
public sealed class SyncPipelineTests
{
    [Fact]
    public async Task Run_ValidPatients_WrittenInTheSourcesOrder_ThenTheSinkCompletes()
    {
        var patients = SampleCohort.Clean.Take(3).Reverse().ToList();
        var sink = new FakeSink();

        var (progress, _) = await RunAsync(new FakeSource(Read("c1", patients)), sink);

        Assert.Equal(patients.Select(p => p.Record.PatientId), sink.Written.Select(p => p.PatientId));
        Assert.All(sink.Written, plan => Assert.NotNull(plan.Outcomes));
        Assert.All(sink.Written, plan => Assert.Equal(Target, plan.Status!.EhrName));
        Assert.True(sink.Completed);
        Assert.Empty(sink.Held);
        Assert.Equal(3, progress.Tally.Evaluated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_PatientWithAQuarantinedRecord_HeldNotWritten_AndTheRecordReportedOnce(bool everyQuarantineOnRead)
    {
        var withheld = SampleCohort.WithQuarantine();
        var clean = SampleCohort.Clean[1];
        var sink = new FakeSink();

        var (progress, _) = await RunAsync(new FakeSource(Read("c1", [withheld, clean])) { EveryQuarantineOnRead = everyQuarantineOnRead }, sink);

        Assert.Equal((withheld.Record.PatientId, PatientResult.QuarantinedInput), Assert.Single(sink.Held));
        Assert.Equal(clean.Record.PatientId, Assert.Single(sink.Written).PatientId);
        Assert.Equal(withheld.Quarantined.Single(), Assert.Single(progress.Quarantined));
        Assert.Equal(1, progress.Tally.Withheld);
    }

    [Fact]
    public async Task Run_ExpectedFailureReadingACandidate_HeldWithItsReason_TheNextCandidateStillWritten()
    {
        var clean = SampleCohort.Clean[0];
        var sink = new FakeSink();
        var source = new FakeSource(
            RecordRead.Failed("c1", new FhirUnavailableException("GET", "Condition", "timed out", null)),
            Read("c2", [clean]));

        var (progress, _) = await RunAsync(source, sink);

        Assert.Equal(("c1", "ehr-unavailable"), Assert.Single(sink.Held));
        Assert.Equal(clean.Record.PatientId, Assert.Single(sink.Written).PatientId);
        Assert.Equal(1, progress.PatientsFailed);
        Assert.True(sink.Completed);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed, "write-conflict")]
    [InlineData(HttpStatusCode.BadRequest, "write-rejected")]
    public async Task Run_ServerRefusesAWrite_TheCandidateHeldByTheRefusal(HttpStatusCode status, string reason)
    {
        var sink = new FakeSink { FailWith = new FhirServerException("POST", "", status, null) };

        var (progress, _) = await RunAsync(new FakeSource(Read("c1", [SampleCohort.Clean[0]])), sink);

        Assert.Equal(("c1", reason), Assert.Single(sink.Held));
        Assert.Equal(1, progress.PatientsFailed);
    }

    [Fact]
    public async Task Run_UnexpectedExceptionInTheSink_EndsTheRunWithoutCompletingTheSink()
    {
        var sink = new FakeSink { FailWith = new InvalidOperationException("a bug") };

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(new FakeSource(Read("c1", [SampleCohort.Clean[0]])), sink));

        Assert.False(sink.Completed);
        Assert.Empty(sink.Held);
    }

    [Fact]
    public async Task Run_ExpectedFailureInAFolderRead_EndsTheRun_AFolderHasNoCandidateToQueue()
    {
        var sink = new FakeSink { FailWith = new FhirUnavailableException() };

        await Assert.ThrowsAsync<FhirUnavailableException>(() => RunAsync(new FakeSource(Read(null, [SampleCohort.Clean[0]])), sink));

        Assert.False(sink.Completed);
    }

    [Fact]
    public async Task Run_IdReadButNotScreened_GetsAnEmptyPlanToRetract()
    {
        var clean = SampleCohort.Clean[0];
        var sink = new FakeSink();
        var read = Read("c1", [clean]) with { PatientIds = new HashSet<string>([clean.Record.PatientId, "merged-away"]) };

        await RunAsync(new FakeSource(read), sink);

        Assert.Equal([clean.Record.PatientId, "merged-away"], sink.Written.Select(p => p.PatientId));
        Assert.Null(sink.Written[1].Outcomes);
        Assert.Null(sink.Written[1].Status);
    }

    [Fact]
    public async Task Run_PatientInTwoReads_EvaluatedAndWrittenOnce()
    {
        var clean = SampleCohort.Clean[0];
        var sink = new FakeSink();

        var (progress, _) = await RunAsync(new FakeSource(Read("c1", [clean]), Read("c2", [clean])), sink);

        Assert.Single(sink.Written);
        Assert.Equal(1, progress.Tally.Evaluated);
    }

    [Fact]
    public async Task Run_SourceLostARecordThatMayBeAnyones_EveryPatientHeld()
    {
        var lost = new QuarantineEntry("Observation-1.ndjson", "Observation", null, null, "an error file") { AffectsEveryPatient = true };
        var sink = new FakeSink();
        var source = new FakeSource(Read("c1", [SampleCohort.Clean[0]]), Read("c2", [SampleCohort.Clean[1]])) { Lost = [lost] };

        var (progress, _) = await RunAsync(source, sink);

        Assert.Empty(sink.Written);
        Assert.Equal(2, sink.Held.Count);
        Assert.All(sink.Held, held => Assert.Equal(PatientResult.QuarantinedInput, held.Reason));
        Assert.Contains(lost, progress.Quarantined);
    }

    [Fact]
    public async Task Run_TheSinkAddsCandidates_TheReaderIsOpenedOverThem()
    {
        var source = new FakeSource();
        var sink = new FakeSink { Extra = "queued-earlier" };

        var (_, candidates) = await RunAsync(source, sink);

        Assert.Equal(["c-found", "queued-earlier"], source.Opened);
        Assert.Equal(2, candidates);
    }

    private const string Target = "test-ehr";

    private static RecordRead Read(string? candidate, List<PatientRecordSet> patients)
    {
        var assembled = new AssemblyResult(patients, [.. patients.SelectMany(p => p.Quarantined)], patients.Count, 0, patients.Count);
        return new RecordRead(candidate, assembled, patients.Select(p => p.Record.PatientId).ToHashSet(StringComparer.Ordinal));
    }

    private static async Task<(RunProgress Progress, int Candidates)> RunAsync(FakeSource source, FakeSink sink)
    {
        var progress = new RunProgress(live: true);
        var run = new PipelineRun(Target, Guid.NewGuid(), SampleCohort.AsOf, WithSubject: false, Lease: null, new PipelinePhases("finding", "processing"));
        var step = new PatientStep(new Interop.Domain.Rules.TrialRuleOptions(), SampleCohort.StudyId, "0.1.0-test", new OutcomeGate(new ValidationCache()));
        var pipeline = new SyncPipeline(run, step, progress, NullLogger.Instance);
        var zone = TimeZoneInfo.Utc;
        var map = TerminologyMap.Load([RepositoryPaths.SampleSiteMap]);
        var (_, candidates) = await pipeline.RunAsync(source, sink, new SourceScope(Target, map, new FhirFactMapper(map, zone), null), CancellationToken.None);
        return (progress, candidates);
    }

    private sealed class FakeSource(params RecordRead[] reads) : IRecordSource
    {
        public bool EveryQuarantineOnRead { get; init; }

        public IReadOnlyList<QuarantineEntry> Lost { get; init; } = [];

        public List<string> Opened { get; } = [];

        public bool ReportsEveryQuarantineOnRead => EveryQuarantineOnRead;

        public Task<CandidateSet> DiscoverAsync(SourceScope scope, CancellationToken cancellationToken) =>
            Task.FromResult(new CandidateSet(new SortedSet<string>(["c-found"], StringComparer.Ordinal)) { Quarantined = Lost });

        public Task<IRecordReader> OpenAsync(IReadOnlyCollection<string> candidates, SourceScope scope, CancellationToken cancellationToken)
        {
            Opened.AddRange(candidates);
            return Task.FromResult<IRecordReader>(new Reader(reads));
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private sealed class Reader(RecordRead[] reads) : IRecordReader
        {
            public async IAsyncEnumerable<RecordRead> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
            {
                foreach (var read in reads)
                {
                    await Task.Yield();
                    yield return read;
                }
            }
        }
    }

    private sealed class FakeSink : IOutcomeSink
    {
        public Exception? FailWith { get; init; }

        public string? Extra { get; init; }

        public List<PatientPlan> Written { get; } = [];

        public List<(string PatientId, string Reason)> Held { get; } = [];

        public bool Completed { get; private set; }

        public Task<SortedSet<string>> BeginAsync(CandidateSet found, CancellationToken cancellationToken)
        {
            if (Extra is not null)
            {
                found.Candidates.Add(Extra);
            }

            return Task.FromResult(found.Candidates);
        }

        public Task WriteAsync(PatientPlan plan, CancellationToken cancellationToken)
        {
            if (FailWith is not null)
            {
                throw FailWith;
            }

            Written.Add(plan);
            return Task.CompletedTask;
        }

        public Task HoldAsync(string patientId, string reason, CancellationToken cancellationToken)
        {
            Held.Add((patientId, reason));
            return Task.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken cancellationToken)
        {
            Completed = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
