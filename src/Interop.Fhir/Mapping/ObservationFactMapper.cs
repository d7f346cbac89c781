using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>Observation: one lab result of a kind the trial reads.</summary>
internal static class ObservationFactMapper
{
    private const string Loinc = "http://loinc.org";
    private const string GenomicVariant = "69548-6";
    private const string GeneStudied = "48018-6";
    private const string Kmt2aHgncId = "HGNC:7132";
    private static readonly string[] GeneSystems = ["http://www.genenames.org", "http://www.genenames.org/geneId"];

    public static MappedResource Map(Observation observation, MappingContext context)
    {
        var kind = KindOf(observation, context.Map);
        if (kind is null)
        {
            return MappedResource.Irrelevant;
        }

        ResultStatus status;
        switch (observation.Status)
        {
            case ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected:
                status = ResultStatus.Final;
                break;
            case ObservationStatus.Preliminary:
                status = ResultStatus.Preliminary;
                break;
            case ObservationStatus.EnteredInError or ObservationStatus.Cancelled or ObservationStatus.Registered or ObservationStatus.Unknown:
                return MappedResource.Dropped($"Observation.status is {observation.Status.GetLiteral()}");
            default:
                return MappedResource.Quarantine("Observation.status is missing", FhirReferences.PatientId(observation.Subject));
        }

        var patientId = FhirReferences.PatientId(observation.Subject);
        if (patientId is null)
        {
            return MappedResource.Quarantine("Observation.subject is missing or not a Patient reference");
        }

        if (string.IsNullOrEmpty(observation.Id))
        {
            return MappedResource.Quarantine("Observation.id is missing", patientId);
        }

        var moment = Effective(observation.Effective, context.Zone) ?? FhirDates.Parse(observation.IssuedElement, context.Zone);
        if (moment is not { } when)
        {
            return new QuarantinedResource("Observation has no full date in effective[x] or issued", patientId) { CouldScreen = PersonRecords.IsTrialSpecific(kind.Kind) };
        }

        var value = ObservationValueReader.Read(observation.Value, kind, context.Map);
        if (value.Problem is { } problem)
        {
            return new QuarantinedResource("Observation." + problem, patientId) { CouldScreen = PersonRecords.IsTrialSpecific(kind.Kind) };
        }

        var lab = new LabResult(kind.Kind, when.Date, when.At, status, value.Amount, value.Comparator, value.Finding, kind.Method, MappingContext.Evidence(observation));
        return MappedFacts.Of(patientId, lab);
    }

    private static ObservationKind? KindOf(Observation observation, TerminologyMap map)
    {
        foreach (var concept in map.ResolveAll(observation.Code))
        {
            if (ObservationKind.Of(concept) is { } kind)
            {
                return kind;
            }
        }

        return IsKmt2aVariant(observation) ? ObservationKind.Of(InputConcept.Kmt2aRearrangement) : null;
    }

    // Genomics Reporting: a variant Observation (LOINC 69548-6) whose gene-studied component (LOINC 48018-6) is KMT2A.
    private static bool IsKmt2aVariant(Observation observation) =>
        HasCoding(observation.Code, Loinc, GenomicVariant)
        && observation.Component.Any(c =>
            HasCoding(c.Code, Loinc, GeneStudied)
            && c.Value is CodeableConcept gene
            && gene.Coding.Any(g => GeneSystems.Contains(g.System) && g.Code is Kmt2aHgncId or "7132"));

    private static bool HasCoding(CodeableConcept? concept, string system, string code) =>
        concept?.Coding.Any(c => c.System == system && c.Code == code) == true;

    private static FhirMoment? Effective(DataType? effective, TimeZoneInfo zone) => effective switch
    {
        FhirDateTime at => FhirDates.Parse(at.Value, zone),
        Period period => FhirDates.Parse(period.Start, zone),
        Instant instant => FhirDates.Parse(instant, zone),
        _ => null,
    };
}
