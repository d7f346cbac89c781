using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping.Genomics;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>Observation: one lab result of a kind the trial reads.</summary>
internal static class ObservationFactMapper
{
    public const string Kmt2aVariantUnstatedRule = "kmt2a-variant-type-unstated";
    public const string Kmt2aSpecificFusionAbsentRule = "kmt2a-specific-fusion-absent";

    public static MappedResource Map(Observation observation, MappingContext context)
    {
        var (kind, variant) = KindOf(observation, context.Map);
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

        var couldScreen = PersonRecords.IsTrialSpecific(kind.Kind);
        var moment = Effective(observation.Effective, context.Zone) ?? FhirDates.Parse(observation.IssuedElement, context.Zone);
        if (moment is not { } when)
        {
            return new QuarantinedResource("Observation has no full date in effective[x] or issued", patientId) { CouldScreen = couldScreen };
        }

        switch (variant?.Reading)
        {
            case VariantReading.Unstated:
                return MappedResource.Noted(
                    patientId,
                    Kmt2aVariantUnstatedRule,
                    "Genomics Reporting variant in KMT2A states no change type, molecular consequence, partner gene or variant description, "
                    + "so a rearrangement cannot be told from another variant: not read as a KMT2A result");
            case VariantReading.Contradictory:
                return new QuarantinedResource("Observation (Genomics Reporting variant in KMT2A): " + variant.Problem, patientId) { CouldScreen = couldScreen };
        }

        var value = ObservationValueReader.Read(observation, kind, context);
        if (value.Problem is { } problem)
        {
            return new QuarantinedResource("Observation." + problem, patientId) { CouldScreen = couldScreen };
        }

        List<MappingWarning> warnings = value.Warning is { } warning ? [warning] : [];
        if (variant is { Reading: VariantReading.Rearrangement, PartnerSpecific: true } && value.Finding == Finding.Negative)
        {
            // "KMT2A::AFF1 absent" rules out one fusion, not a rearrangement with another partner: never read as germline.
            variant = variant with { Reading = VariantReading.SpecificFusionAbsent };
            warnings.Add(new MappingWarning(
                Kmt2aSpecificFusionAbsentRule,
                "Genomics Reporting variant reports one particular KMT2A fusion absent: other partners are not ruled out, so it is not read as 'KMT2A not rearranged'"));
        }

        var lab = new LabResult(kind.Kind, when.Date, when.At, status, value.Amount, value.Comparator, value.Finding, kind.Method, MappingContext.Evidence(observation))
        {
            Kmt2aVariant = variant?.Fact,
        };
        return MappedFacts.Of(patientId, lab) with { Warnings = warnings };
    }

    private static (ObservationKind? Kind, Kmt2aVariantResult? Variant) KindOf(Observation observation, TerminologyMap map)
    {
        foreach (var concept in map.ResolveAll(observation.Code))
        {
            if (ObservationKind.Of(concept) is { } kind)
            {
                return (kind, null);
            }
        }

        // Genomics Reporting: a variant Observation (LOINC 69548-6) whose gene-studied component (LOINC 48018-6) is KMT2A.
        if (!Kmt2aVariantReader.IsGenomicVariant(observation))
        {
            return (null, null);
        }

        var variant = Kmt2aVariantReader.Read(observation);
        return variant.Reading == VariantReading.NotKmt2a ? (null, null) : (ObservationKind.Of(InputConcept.Kmt2aRearrangement), variant);
    }

    private static FhirMoment? Effective(DataType? effective, TimeZoneInfo zone) => effective switch
    {
        FhirDateTime at => FhirDates.Parse(at.Value, zone),
        Period period => FhirDates.Parse(period.Start, zone),
        Instant instant => FhirDates.Parse(instant, zone),
        _ => null,
    };
}
