using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Fhir.Outcomes;

/// <summary>
/// The ResearchSubject of one screened patient (docs/trial-rules.md, "Subject status"): candidate, screening, eligible or
/// ineligible, on-study-intervention while blinatumomab runs, follow-up after it, off-study after death. Pure and
/// deterministic, like <see cref="OutcomeBuilder"/>: identified and id'd the way the outcomes are.
/// </summary>
/// <param name="studyId">The study id in the identifier (<c>{studyId}/research-subject/{patientId}</c>).</param>
public sealed class ResearchSubjectBuilder(string studyId)
{
    /// <summary>The id of the project's ResearchStudy instance (<c>profiles/</c>).</summary>
    public const string ResearchStudyId = "blinfant";

    /// <summary>The identifier segment that takes the place of an outcome code.</summary>
    public const string IdentifierSegment = "research-subject";

    private readonly string _studyId = string.IsNullOrWhiteSpace(studyId)
        ? throw new ArgumentException("The study id is required.", nameof(studyId))
        : studyId;

    /// <param name="assessment">The rules' results for the patient.</param>
    /// <param name="death">The patient's death, when recorded (counted only on or before the as-of date).</param>
    public ResearchSubject Build(TrialAssessment assessment, Death? death)
    {
        ArgumentNullException.ThrowIfNull(assessment);

        var identifierValue = OutcomeIdentity.IdentifierValue(_studyId, IdentifierSegment, assessment.PatientId);
        var subject = new ResearchSubject
        {
            Id = OutcomeIdentity.ResourceId(identifierValue),
            Identifier = [new Identifier(Canonical.OutcomeIdentifierSystem, identifierValue)],
            Status = StatusOf(assessment, death),
            Study = new ResourceReference("ResearchStudy/" + ResearchStudyId),
            Individual = new ResourceReference("Patient/" + assessment.PatientId),
        };

        if (assessment.Course.Started && assessment.Course.FirstStart is { } start)
        {
            subject.Period = new Period { StartElement = FhirValues.Instant(start) };
        }

        return subject;
    }

    /// <summary>The R4 status: death first, then the course, then the eligibility verdict.</summary>
    public static ResearchSubject.ResearchSubjectStatus StatusOf(TrialAssessment assessment, Death? death)
    {
        ArgumentNullException.ThrowIfNull(assessment);

        if (IsDead(assessment, death))
        {
            return ResearchSubject.ResearchSubjectStatus.OffStudy;
        }

        return assessment.Course.State switch
        {
            CourseState.InProgress => ResearchSubject.ResearchSubjectStatus.OnStudyIntervention,
            CourseState.Completed or CourseState.DiscontinuedToxicity or CourseState.DiscontinuedOther
                => ResearchSubject.ResearchSubjectStatus.FollowUp,
            _ => assessment.Eligibility.Verdict switch
            {
                EligibilityVerdict.Eligible => ResearchSubject.ResearchSubjectStatus.Eligible,
                EligibilityVerdict.Ineligible => ResearchSubject.ResearchSubjectStatus.Ineligible,
                _ => ResearchSubject.ResearchSubjectStatus.Screening,
            },
        };
    }

    private static bool IsDead(TrialAssessment assessment, Death? death)
    {
        if (assessment.Os is { } os)
        {
            // Once the course started, the OS rule has already weighed the death against the as-of date.
            return os.Status == OsStatus.Deceased;
        }

        return death is not null && (death.Date is not { } date || date <= assessment.AsOf.Date);
    }
}
