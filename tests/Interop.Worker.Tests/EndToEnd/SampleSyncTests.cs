using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.EndToEnd;

/// <summary>The CLI over the bundled sample: every scenario's outcomes, and byte-identical reruns.</summary>
public sealed class SampleSyncTests : IClassFixture<SampleSyncTests.SampleRuns>
{
    private const string AsOf = "2026-06-01";
    private readonly SampleRuns _runs;

    public SampleSyncTests(SampleRuns runs) => _runs = runs;

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var patient in SampleExpectations.Load())
        {
            data.Add(patient.PatientId);
        }

        return data;
    }

    [Fact]
    public void Sync_BundledSample_ExitsZeroAndWritesEveryFile()
    {
        Assert.Equal(ExitCodes.Success, _runs.First.ExitCode);
        Assert.Contains("eligible", _runs.First.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_runs.FirstFolder.Path, "run-report.json")));
        Assert.Equal(_runs.FirstOutcomes.Provenances.Count, _runs.FirstOutcomes.Provenances.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Sync_RunTwice_ProducesByteIdenticalFiles()
    {
        foreach (var file in new[] { "Observation.ndjson", "Provenance.ndjson" })
        {
            var first = File.ReadAllBytes(Path.Combine(_runs.FirstFolder.Path, file));
            var second = File.ReadAllBytes(Path.Combine(_runs.SecondFolder.Path, file));
            Assert.True(first.AsSpan().SequenceEqual(second), $"{file} differs between two runs");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sync_Scenario_WritesTheIntendedOutcomes(string patientId)
    {
        var expected = SampleExpectations.Load().Single(p => p.PatientId == patientId);
        var outcomes = _runs.FirstOutcomes;

        var eligibility = outcomes.Find(patientId, "eligibility");
        Assert.NotNull(eligibility);
        Assert.Equal(expected.Verdict, WrittenOutcomes.CodedValue(eligibility));
        Assert.Equal(expected.NotMet.Order(StringComparer.Ordinal), WrittenOutcomes.NotMetCriteria(eligibility).Order(StringComparer.Ordinal));
        Assert.Equal(expected.RiskGroup, WrittenOutcomes.CodedValue(outcomes.Find(patientId, "interfant06-risk-group")));

        var course = outcomes.Find(patientId, "blinatumomab-course");
        if (expected.CourseState == "not-started" && expected.Verdict != "eligible")
        {
            Assert.Null(course);
        }
        else
        {
            Assert.Equal(expected.CourseState, WrittenOutcomes.CodedValue(course));
        }

        Assert.Equal(expected.MrdClass, WrittenOutcomes.CodedValue(outcomes.Find(patientId, "mrd-after-blinatumomab")));
        Assert.Equal(expected.PrimaryEndpoint, (outcomes.Find(patientId, "primary-endpoint")?.Value as Hl7.Fhir.Model.FhirBoolean)?.Value);
        var dfs = outcomes.Find(patientId, "dfs-status");
        Assert.Equal(expected.DfsStatus, WrittenOutcomes.CodedValue(dfs));
        var site = dfs?.Component.FirstOrDefault(c => c.Code.Coding[0].Code == "relapse-site");
        Assert.Equal(expected.RelapseSite, (site?.Value as Hl7.Fhir.Model.CodeableConcept)?.Coding[0].Code);
        Assert.Equal(expected.OsStatus, WrittenOutcomes.CodedValue(outcomes.Find(patientId, "os-status")));
    }

    /// <summary>Two runs of the CLI over the sample, shared by the tests of this class.</summary>
    public sealed class SampleRuns : IAsyncLifetime, IDisposable
    {
        public TempFolder FirstFolder { get; } = new();

        public TempFolder SecondFolder { get; } = new();

        public CliResult First { get; private set; } = null!;

        public WrittenOutcomes FirstOutcomes { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            First = await RunAsync(FirstFolder);
            await RunAsync(SecondFolder);
            FirstOutcomes = new WrittenOutcomes(FirstFolder.Path);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            FirstFolder.Dispose();
            SecondFolder.Dispose();
        }

        private static Task<CliResult> RunAsync(TempFolder output) => CliRunner.RunAsync(
        [
            "sync", "--once", "--source", RepositoryPaths.SampleExport, "--out", output.Path,
            "--as-of", AsOf, "--site-map", RepositoryPaths.SampleSiteMap,
        ]);
    }
}
