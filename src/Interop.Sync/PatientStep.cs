using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Domain.Rules;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Serialization;

namespace Interop.Sync;

/// <summary>
/// The pipeline's patient step, the same for every source and sink: a patient's record set -> evaluate -> build the
/// outcomes -> validate. A patient with a quarantined record is withheld before evaluation (an outcome without that
/// record could be wrong); one whose outcomes fail their profiles is withheld after. Pure apart from the gate's
/// validation cache; thread-safe (the gate borrows one validator per call).
/// </summary>
public sealed class PatientStep(TrialRuleOptions rules, string studyId, string adapterVersion, OutcomeGate gate, string? ruleSetFingerprint = null)
{
    private readonly TrialEvaluator _evaluator = new(rules);
    private readonly OutcomeBuilder _builder = new(studyId, adapterVersion, ruleSetFingerprint);
    private readonly ResearchSubjectBuilder _subjects = new(studyId);

    /// <summary>
    /// Test seam: applied to each patient's outcomes after they are built and before they are validated, so a test
    /// can hand the gate a broken resource. Identity in production.
    /// </summary>
    public Func<PatientOutcomes, PatientOutcomes> BeforeValidation { get; init; } = static outcomes => outcomes;

    /// <summary>The gate the step validates with (the sink validates what it builds itself through it too).</summary>
    public OutcomeGate Gate => gate;

    /// <summary>Evaluates, builds and validates one patient, as of <paramref name="asOf"/>.</summary>
    /// <param name="patient">The patient's records.</param>
    /// <param name="asOf">The instant everything is evaluated as of.</param>
    /// <param name="withSubject">Build the patient's ResearchSubject with the outcomes.</param>
    /// <param name="withhold">Withhold regardless (e.g. a source file that could hold anyone's records was lost).</param>
    public PreparedPatient Prepare(PatientRecordSet patient, AsOf asOf, bool withSubject, bool withhold = false)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(asOf);
        var patientId = patient.Record.PatientId;
        if (patient.Quarantined.Count > 0 || withhold)
        {
            return new PreparedPatient(patient, null, null, PatientResult.Withheld(patientId, PatientResult.QuarantinedInput));
        }

        var assessment = _evaluator.Evaluate(patient.Record, asOf);
        var outcomes = _builder.Build(assessment, asOf.Instant);
        outcomes = BeforeValidation(withSubject ? outcomes with { ResearchSubject = _subjects.Build(assessment, patient.Record.Death) } : outcomes);

        // A resource that does not meet its profile is not written, and neither is the rest of the patient's batch.
        var (failures, json) = gate.CheckAndSerialise(outcomes);
        return failures.Count > 0
            ? new PreparedPatient(patient, assessment, null, PatientResult.Withheld(patientId, PatientResult.ValidationFailed, failures))
            : new PreparedPatient(patient, assessment, outcomes, null) { Json = json };
    }
}

/// <summary>A patient after the step: valid outcomes to write, or why none are (<see cref="Withheld"/>).</summary>
/// <param name="Patient">The patient's records.</param>
/// <param name="Assessment">The evaluation; null when the patient was withheld before it.</param>
/// <param name="Outcomes">The valid outcomes; null when withheld.</param>
/// <param name="Withheld">Why nothing is written; null when <paramref name="Outcomes"/> is set.</param>
public sealed record PreparedPatient(PatientRecordSet Patient, TrialAssessment? Assessment, PatientOutcomes? Outcomes, PatientResult? Withheld)
{
    /// <summary>The outcomes' JSON as checked (what a file sink writes); null when withheld.</summary>
    public OutcomeJson? Json { get; init; }
}
