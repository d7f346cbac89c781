using Hl7.Fhir.Model;
using Interop.Domain.Results;

namespace Interop.Fhir.Outcomes;

/// <summary>The risk-group, course and MRD outcomes.</summary>
internal static class TreatmentObservations
{
    public static Observation RiskGroup(ObservationScaffold scaffold, RiskGroupResult riskGroup, RiskGroup group, DateOnly? diagnosisDate)
    {
        var observation = scaffold.Create(OutcomeCodes.RiskGroup, riskGroup.Evidence);
        observation.Value = FhirValues.Concept(Canonical.RiskGroupCodeSystem, OutcomeValueCodes.Of(group));
        if (diagnosisDate is { } date)
        {
            observation.Effective = FhirValues.Date(date);
        }

        return observation;
    }

    public static Observation Course(ObservationScaffold scaffold, CourseResult course)
    {
        var observation = scaffold.Create(OutcomeCodes.Course, course.Evidence);
        observation.Value = FhirValues.Blinfant(OutcomeValueCodes.Of(course.State));
        if (course.FirstStart is not null || course.LastEnd is not null)
        {
            observation.Effective = new Period
            {
                StartElement = course.FirstStart is { } start ? FhirValues.Instant(start) : null,
                EndElement = course.LastEnd is { } end ? FhirValues.Instant(end) : null,
            };
        }

        observation.Component.Add(FhirValues.Component("infusion-days", FhirValues.UcumQuantity(course.InfusionDays, "d")));
        if (course.CumulativeDosePerSquareMetre is { } dose)
        {
            observation.Component.Add(FhirValues.Component("cumulative-dose", FhirValues.UcumQuantity(dose, "ug/m2")));
        }
        else if (course.CumulativeDoseUnknown is { } unknown)
        {
            // The course ran but its dose cannot be known: said, rather than a smaller dose or a silent gap.
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = FhirValues.Blinfant("cumulative-dose"),
                DataAbsentReason = new CodeableConcept(DataAbsentReasonSystem, "unknown", "Unknown", WhyUnknown(unknown)),
            });
        }

        observation.Component.Add(FhirValues.Component("interruptions", new Integer(course.Interruptions)));
        return observation;
    }

    private const string DataAbsentReasonSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    private static string WhyUnknown(DoseUnknownReason reason) => reason switch
    {
        DoseUnknownReason.DoseNotRecorded => "An administration records no dose or rate.",
        DoseUnknownReason.BodySurfaceAreaMissing => "No body-surface area to express a dose in micrograms per m2.",
        DoseUnknownReason.RateWithoutRecordedEnd => "An administration records only a rate, and not when it ended.",
        _ => "An administration's dosage cannot be read as an amount.",
    };

    public static Observation Mrd(ObservationScaffold scaffold, MrdResult mrd)
    {
        var observation = scaffold.Create(OutcomeCodes.MrdAfterBlinatumomab, mrd.Evidence);
        observation.Effective = FhirValues.Date(mrd.SpecimenDate);
        observation.Value = FhirValues.Blinfant(OutcomeValueCodes.Of(mrd.Class));
        if (mrd.Level is { } level)
        {
            observation.Component.Add(FhirValues.Component("mrd-level", FhirValues.UcumQuantity(level, "1")));
        }

        return observation;
    }
}
