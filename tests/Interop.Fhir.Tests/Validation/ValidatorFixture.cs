using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Rules;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Serialization;
using Interop.Fhir.Terminology;
using Interop.Fhir.Validation;
using Interop.Testing;

namespace Interop.Fhir.Tests.Validation;

/// <summary>
/// One warm validator for every validation test (building one takes seconds, and it is not thread-safe: the
/// collection runs its tests one at a time), and the outcomes of the bundled sample, built in-process the way
/// the sync builds them.
/// </summary>
public sealed class ValidatorFixture
{
    public const string StudyId = "blinfant";

    public ValidatorFixture()
    {
        Validator = new OutcomeValidator();
        Validator.WarmUp();
        SampleOutcomes = BuildSampleOutcomes();
    }

    public OutcomeValidator Validator { get; }

    /// <summary>Every screened patient's outcomes over the bundled sample, as of 2026-06-01, with ResearchSubjects.</summary>
    public IReadOnlyList<PatientOutcomes> SampleOutcomes { get; }

    /// <summary>A fresh copy of the first sample outcome with <paramref name="outcomeCode"/>.</summary>
    public Observation Outcome(string outcomeCode) => (Observation)SampleOutcomes
        .SelectMany(o => o.Observations)
        .First(o => o.Code.Coding[0].Code == outcomeCode)
        .DeepCopy();

    private static List<PatientOutcomes> BuildSampleOutcomes()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var assembler = new PatientRecordAssembler(new FhirFactMapper(TerminologyMap.Load([RepositoryPaths.SampleSiteMap]), zone));
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson").Order(StringComparer.Ordinal))
        {
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    assembler.Add(JsonSerializer.Deserialize<Resource>(text, FhirJson.Options)!, $"{Path.GetFileName(file)}:{line}");
                }
            }
        }

        var asOfDate = new DateOnly(2026, 6, 1);
        var asOf = new AsOf(new DateTimeOffset(2026, 6, 1, 23, 59, 59, TimeSpan.FromHours(2)), asOfDate);
        var evaluator = new TrialEvaluator(new TrialRuleOptions());
        var builder = new OutcomeBuilder(StudyId, "0.1.0-test");
        var subjects = new ResearchSubjectBuilder(StudyId);
        var result = new List<PatientOutcomes>();
        foreach (var patient in assembler.Complete().Patients.Where(p => p.Quarantined.Count == 0))
        {
            var assessment = evaluator.Evaluate(patient.Record, asOf);
            result.Add(builder.Build(assessment, asOf.Instant) with { ResearchSubject = subjects.Build(assessment, patient.Record.Death) });
        }

        return result;
    }
}

[CollectionDefinition(Name)]
public sealed class ValidationCollection : ICollectionFixture<ValidatorFixture>
{
    public const string Name = "validation";
}
