using Interop.Domain.Results;
using Interop.Fhir.Mapping;

namespace Interop.Sync;

/// <summary>The data-quality flags the rules raised for a patient, as run-report warnings.</summary>
internal static class AssessmentWarnings
{
    /// <summary>The <see cref="WarningEntry.Location"/> of a flag the rules raised (not the mapping of one record).</summary>
    public const string Location = "evaluation";

    public static IEnumerable<WarningEntry> Of(TrialAssessment assessment) =>
        assessment.DataQuality.Select(f => new WarningEntry(Location, f.Evidence.ResourceType, f.Evidence.Id, assessment.PatientId, f.Rule, f.Detail));
}
