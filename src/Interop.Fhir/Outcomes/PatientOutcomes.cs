using Hl7.Fhir.Model;

namespace Interop.Fhir.Outcomes;

/// <summary>One patient's outcome Observations and the Provenance that targets them.</summary>
/// <param name="PatientId">The surviving Patient's logical id.</param>
/// <param name="Observations">The outcome Observations, in <see cref="OutcomeCodes.All"/> order (those that apply).</param>
/// <param name="Provenance">The Provenance targeting every one of <paramref name="Observations"/>.</param>
public sealed record PatientOutcomes(string PatientId, IReadOnlyList<Observation> Observations, Provenance Provenance);
