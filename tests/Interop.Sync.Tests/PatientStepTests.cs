using Hl7.Fhir.Model;
using Interop.Domain.Rules;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Validation;

namespace Interop.Sync.Tests;

/// <summary>The pipeline's patient step with a counting validator pool in place of the shared one.</summary>
public sealed class PatientStepTests
{
    [Fact]
    public void Prepare_CleanPatient_ValidOutcomesWithSubject()
    {
        var (step, _) = Step(new ValidationCache());
        var patient = SampleCohort.Clean[0];

        var prepared = step.Prepare(patient, SampleCohort.AsOf, withSubject: true);

        Assert.Null(prepared.Withheld);
        Assert.NotNull(prepared.Assessment);
        Assert.Equal(patient.Record.PatientId, prepared.Outcomes!.PatientId);
        Assert.NotNull(prepared.Outcomes.ResearchSubject);
    }

    [Fact]
    public async System.Threading.Tasks.Task Prepare_CleanPatient_KeepsEachOutcomesJsonAsCheckedAndTheFileSinkWritesThoseBytes()
    {
        var (step, _) = Step(new ValidationCache());

        var prepared = step.Prepare(SampleCohort.Clean[0], SampleCohort.AsOf, withSubject: true);

        // What was hashed for the validation cache is what is written: the same bytes as serialising each resource again.
        foreach (var resource in prepared.Outcomes!.All())
        {
            Assert.Equal(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(resource, Interop.Fhir.Serialization.FhirJson.Options), Interop.Fhir.Serialization.OutcomeJson.Of(resource, prepared.Json));
        }

        using var folder = new TempFolder();
        await using (var kept = new Interop.Ehr.Sinks.NdjsonOutcomeSink(Path.Combine(folder.Path, "kept")))
        await using (var fresh = new Interop.Ehr.Sinks.NdjsonOutcomeSink(Path.Combine(folder.Path, "fresh")))
        {
            await kept.WriteAsync(prepared.Outcomes, prepared.Json, CancellationToken.None);
            await fresh.WriteAsync(prepared.Outcomes, CancellationToken.None);
            await kept.CompleteAsync(CancellationToken.None);
            await fresh.CompleteAsync(CancellationToken.None);
        }

        foreach (var file in new[] { "Observation.ndjson", "Provenance.ndjson", "ResearchSubject.ndjson" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder.Path, "fresh", file)), await File.ReadAllBytesAsync(Path.Combine(folder.Path, "kept", file)));
        }
    }

    [Fact]
    public void Prepare_WithoutSubject_NoResearchSubject()
    {
        var (step, _) = Step(new ValidationCache());

        var prepared = step.Prepare(SampleCohort.Clean[0], SampleCohort.AsOf, withSubject: false);

        Assert.Null(prepared.Outcomes!.ResearchSubject);
    }

    [Fact]
    public void Prepare_QuarantinedRecord_WithheldBeforeEvaluationWithoutValidator()
    {
        var (step, pool) = Step(new ValidationCache());
        var patient = SampleCohort.WithQuarantine();

        var prepared = step.Prepare(patient, SampleCohort.AsOf, withSubject: true);

        Assert.Null(prepared.Assessment);
        Assert.Null(prepared.Outcomes);
        Assert.Equal(PatientResultKind.Withheld, prepared.Withheld!.Kind);
        Assert.Equal(PatientResult.QuarantinedInput, prepared.Withheld.Reason);
        Assert.Equal(0, pool.Built);
    }

    [Fact]
    public void Prepare_WithholdRequested_WithheldAsQuarantinedInput()
    {
        var (step, _) = Step(new ValidationCache());

        var prepared = step.Prepare(SampleCohort.Clean[0], SampleCohort.AsOf, withSubject: true, withhold: true);

        Assert.Equal(PatientResult.QuarantinedInput, prepared.Withheld!.Reason);
        Assert.Null(prepared.Outcomes);
    }

    [Fact]
    public void Prepare_OutcomeFailingItsProfile_WithheldWithValidationEntry()
    {
        var (step, _) = Step(new ValidationCache(), WithoutEligibilityIdentifier);
        var patient = SampleCohort.Clean[0];

        var prepared = step.Prepare(patient, SampleCohort.AsOf, withSubject: true);

        Assert.Null(prepared.Outcomes);
        Assert.NotNull(prepared.Assessment);
        Assert.Equal(PatientResult.ValidationFailed, prepared.Withheld!.Reason);
        var failure = Assert.Single(prepared.Withheld.Failures);
        Assert.Equal((OutcomeGate.Location, "Observation", patient.Record.PatientId), (failure.Location, failure.ResourceType, failure.PatientId));
    }

    [Fact]
    public void Prepare_SameContentAgain_ValidatesNothingAndBuildsNoValidator()
    {
        var cache = new ValidationCache();
        var (first, firstPool) = Step(cache);
        var patient = SampleCohort.Clean[0];
        var outcomes = first.Prepare(patient, SampleCohort.AsOf, withSubject: true).Outcomes!;
        Assert.Equal(1, firstPool.Built);
        Assert.Equal(outcomes.All().Count(), cache.Added);

        var (second, secondPool) = Step(cache);
        var again = second.Prepare(patient, SampleCohort.AsOf, withSubject: true);

        Assert.Null(again.Withheld);
        Assert.Equal(0, secondPool.Built);
    }

    [Fact]
    public void Prepare_InvalidContentAgain_ValidatedAndWithheldEachTime()
    {
        var cache = new ValidationCache();
        var (step, _) = Step(cache, WithoutEligibilityIdentifier);
        var patient = SampleCohort.Clean[0];
        _ = step.Prepare(patient, SampleCohort.AsOf, withSubject: true);

        var (again, pool) = Step(cache, WithoutEligibilityIdentifier);
        var prepared = again.Prepare(patient, SampleCohort.AsOf, withSubject: true);

        Assert.Equal(PatientResult.ValidationFailed, prepared.Withheld!.Reason);
        Assert.Equal(1, pool.Built);
    }

    [Fact]
    public void Prepare_OtherAsOf_ChangedContentValidatedAgain()
    {
        var cache = new ValidationCache();
        var (first, _) = Step(cache);
        var patient = SampleCohort.Clean[0];
        _ = first.Prepare(patient, SampleCohort.AsOf, withSubject: true);

        var (second, pool) = Step(cache);
        var later = new Interop.Domain.Facts.AsOf(SampleCohort.AsOf.Instant.AddDays(1), SampleCohort.AsOf.Date.AddDays(1));
        _ = second.Prepare(patient, later, withSubject: true);

        Assert.Equal(1, pool.Built);
    }

    private static PatientOutcomes WithoutEligibilityIdentifier(PatientOutcomes outcomes)
    {
        var broken = outcomes.Observations.Select(o => (Observation)o.DeepCopy()).ToList();
        broken.First(o => o.Code.Coding[0].Code == "eligibility").Identifier.Clear();
        return outcomes with { Observations = broken };
    }

    private static (PatientStep Step, CountingPool Pool) Step(ValidationCache cache, Func<PatientOutcomes, PatientOutcomes>? beforeValidation = null)
    {
        var pool = new CountingPool();
        var step = new PatientStep(new TrialRuleOptions(), SampleCohort.StudyId, "0.1.0-test", new OutcomeGate(cache, pool.Pool))
        {
            BeforeValidation = beforeValidation ?? (static o => o),
        };
        return (step, pool);
    }

    private sealed class CountingPool
    {
        public CountingPool() => Pool = new OutcomeValidatorPool(() =>
        {
            Built++;
            return new OutcomeValidator();
        });

        public OutcomeValidatorPool Pool { get; }

        public int Built { get; private set; }
    }
}
