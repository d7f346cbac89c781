using System.Text.Json;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Interop.Domain.Facts;
using Interop.Domain.Rules;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Serialization;
using Interop.Fhir.Validation;
using Interop.Sync;
using Interop.Testing;
using Interop.Worker.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Sync;

/// <summary>The validation gate of the file sync: everything written validates; an invalid outcome withholds its patient.</summary>
public sealed class ValidationGateTests
{
    private const string BrokenPatient = "p001";

    [Fact]
    public async Task Run_BrokenOutcome_WithholdsThatPatientAndExitsThree()
    {
        using var output = new TempFolder();
        var runner = Runner(outcomes => outcomes.PatientId == BrokenPatient ? WithoutEligibilityIdentifier(outcomes) : outcomes);

        var report = await runner.RunAsync(Request(output.Path), AsOf(), CancellationToken.None);

        Assert.Equal(ExitCodes.Quarantined, report.ExitCode);
        Assert.Equal(1, report.PatientsWithheld);
        Assert.Equal(report.PatientsScreened - 1, report.PatientsEvaluated);
        var entry = Assert.Single(report.Quarantined);
        Assert.Equal(OutcomeGate.Location, entry.Location);
        Assert.Equal("Observation", entry.ResourceType);
        Assert.Equal(BrokenPatient, entry.PatientId);
        Assert.StartsWith("bf-", entry.ResourceId, StringComparison.Ordinal);
        Assert.StartsWith("profile blinfant-eligibility: invalid at Observation", entry.Reason, StringComparison.Ordinal);

        // Nothing of the patient's batch is written: no Observation, no Provenance, no ResearchSubject.
        foreach (var file in new[] { "Observation.ndjson", "Provenance.ndjson", "ResearchSubject.ndjson" })
        {
            var text = await File.ReadAllTextAsync(output.Combine(file));
            Assert.DoesNotContain($"/{BrokenPatient}\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"Patient/{BrokenPatient}\"", text, StringComparison.Ordinal);
        }

        var reportJson = await File.ReadAllTextAsync(output.Combine(FileSyncRunner.ReportFileName));
        Assert.Contains("\"location\": \"validation\"", reportJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BundledSample_WritesOneValidResearchSubjectPerScreenedPatientAndOnlyValidResources()
    {
        using var output = new TempFolder();

        var report = await Runner().RunAsync(Request(output.Path), AsOf(), CancellationToken.None);

        Assert.Equal(ExitCodes.Success, report.ExitCode);
        var subjects = Read(output.Combine("ResearchSubject.ndjson")).Cast<ResearchSubject>().ToList();
        Assert.Equal(report.PatientsScreened, subjects.Count);
        Assert.Equal(subjects.Count, subjects.Select(s => s.Identifier[0].Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(subjects, s => Assert.Equal("ResearchStudy/" + ResearchSubjectBuilder.ResearchStudyId, s.Study.Reference));

        // Re-validate what landed on disk, after the round trip through the serializer.
        using var lease = OutcomeValidatorPool.Shared.Rent();
        var written = new[] { "Observation.ndjson", "Provenance.ndjson", "ResearchSubject.ndjson" }
            .SelectMany(f => Read(output.Combine(f)))
            .ToList();
        Assert.Equal(report.OutcomesByCode.Values.Sum() + report.ProvenancesWritten + subjects.Count, written.Count);
        Assert.All(written, r => Assert.True(lease.Validator.Validate(r).IsValid, $"{r.TypeName}/{r.Id}: {lease.Validator.Validate(r).Reason}"));
    }

    private static PatientOutcomes WithoutEligibilityIdentifier(PatientOutcomes outcomes)
    {
        var observations = outcomes.Observations.Select(o => (Observation)o.DeepCopy()).ToList();
        observations.Single(o => o.Code.Coding[0].Code == OutcomeCodes.Eligibility).Identifier.Clear();
        return outcomes with { Observations = observations };
    }

    private static FileSyncRunner Runner(Func<PatientOutcomes, PatientOutcomes>? seam = null) =>
        new(TimeProvider.System, new TrialSite(new InteropOptions().StudyId, new InteropOptions().TimeZone()), Options.Create(new TrialRuleOptions()), Options.Create(new Interop.Fhir.Mapping.ReadingOptions()), NullLogger<FileSyncRunner>.Instance)
        {
            BeforeValidation = seam ?? (static o => o),
        };

    private static SyncRequest Request(string outputFolder) =>
        new(RepositoryPaths.SampleExport, outputFolder, "2026-06-01", [RepositoryPaths.SampleSiteMap], DryRun: false);

    private static AsOf AsOf()
    {
        Assert.True(AsOfParser.TryParse("2026-06-01", new InteropOptions().TimeZone(), out var asOf));
        return asOf;
    }

    private static IEnumerable<Resource> Read(string path) =>
        File.ReadLines(path).Select(line => JsonSerializer.Deserialize<Resource>(line, FhirJson.Options)!);
}
