using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>
/// What one FHIR resource means to the trial: facts about a patient, a Patient's own data, a Medication the
/// export defines, nothing (irrelevant or dropped), or a reason to quarantine it. Compact: never holds the resource.
/// </summary>
public abstract record MappedResource
{
    private protected MappedResource()
    {
    }

    /// <summary>The resource says nothing the trial reads (other codes, other resource types).</summary>
    public static MappedResource Irrelevant { get; } = new IrrelevantResource();

    /// <summary>The resource is one the rules say never counts (e.g. entered-in-error): not a fact, not quarantined.</summary>
    public static MappedResource Dropped(string reason) => new DroppedResource(reason);

    /// <summary>The resource breaks a rule; <paramref name="patientId"/> is its subject as written, when known.</summary>
    public static MappedResource Quarantine(string reason, string? patientId = null) => new QuarantinedResource(reason, patientId);

    /// <summary>
    /// The resource looks relevant but cannot be read (e.g. an MRD result only in a report's conclusion): it contributes no
    /// fact and is listed as a warning for <paramref name="patientId"/>.
    /// </summary>
    public static MappedResource Noted(string patientId, string rule, string detail) => new NotedResource(patientId, new MappingWarning(rule, detail));
}

/// <summary>See <see cref="MappedResource.Irrelevant"/>.</summary>
public sealed record IrrelevantResource : MappedResource;

/// <summary>See <see cref="MappedResource.Dropped"/>.</summary>
/// <param name="Reason">Why it never counts (names the element, never a value).</param>
public sealed record DroppedResource(string Reason) : MappedResource;

/// <summary>See <see cref="MappedResource.Quarantine"/>.</summary>
/// <param name="Reason">Why, naming the element and unit codes, never patient data.</param>
/// <param name="PatientId">The subject Patient's logical id as written (before merges), when attributable.</param>
public sealed record QuarantinedResource(string Reason, string? PatientId) : MappedResource
{
    /// <summary>
    /// False when the resource is of a kind that cannot make a patient a trial candidate (e.g. a white-cell count): quarantined
    /// for a patient who is not screened, it cannot change any outcome. True when it could have (or its kind is unknown).
    /// </summary>
    public bool CouldScreen { get; init; } = true;
}

/// <summary>See <see cref="MappedResource.Noted"/>.</summary>
/// <param name="PatientId">The subject Patient's logical id as written (before merges).</param>
/// <param name="Warning">What it is and what to map.</param>
public sealed record NotedResource(string PatientId, MappingWarning Warning) : MappedResource;

/// <summary>The kind of a Patient.link the adapter follows.</summary>
public enum PatientLinkKind
{
    /// <summary>This Patient was replaced by the other (the other survives).</summary>
    ReplacedBy,

    /// <summary>This Patient replaces the other (this one survives).</summary>
    Replaces,
}

/// <summary>A replaced-by / replaces link to another Patient's logical id.</summary>
public sealed record PatientLink(string OtherPatientId, PatientLinkKind Kind);

/// <summary>A Patient resource's data.</summary>
/// <param name="PatientId">Its logical id.</param>
/// <param name="BirthDate">birthDate when a full date.</param>
/// <param name="Death">deceased[x], when recorded.</param>
/// <param name="Evidence">The Patient with its version.</param>
/// <param name="Links">Its replaced-by / replaces links (other link types are ignored).</param>
public sealed record PatientInfo(string PatientId, DateOnly? BirthDate, Death? Death, EvidenceRef Evidence, IReadOnlyList<PatientLink> Links) : MappedResource;

/// <summary>Facts a clinical resource contributes to its subject.</summary>
/// <param name="PatientId">The subject Patient's logical id as written (before merges).</param>
/// <param name="Diagnoses">ALL diagnoses.</param>
/// <param name="Labs">Measurements.</param>
/// <param name="Administrations">Drug administrations.</param>
public sealed record MappedFacts(
    string PatientId,
    IReadOnlyList<Diagnosis> Diagnoses,
    IReadOnlyList<LabResult> Labs,
    IReadOnlyList<DrugAdministration> Administrations) : MappedResource
{
    /// <summary>The facts were read under a fallback rule: what to tell the user (listed as warnings, outcomes still written).</summary>
    public IReadOnlyList<MappingWarning> Warnings { get; init; } = [];

    internal static MappedFacts Of(string patientId, Diagnosis diagnosis) => new(patientId, [diagnosis], [], []);

    internal static MappedFacts Of(string patientId, LabResult lab) => new(patientId, [], [lab], []);

    internal static MappedFacts Of(string patientId, DrugAdministration administration) => new(patientId, [], [], [administration]);
}

/// <summary>A Medication resource of the export, which MedicationAdministrations may reference.</summary>
/// <param name="MedicationId">Its logical id.</param>
/// <param name="Drug">The trial drug class its code or an ingredient's code means; null when none is a trial drug (yet: see <see cref="IngredientReferences"/>).</param>
public sealed record MedicationInfo(string MedicationId, DrugClass? Drug) : MappedResource
{
    /// <summary>Blinatumomab micrograms per millilitre of the product (its blinatumomab ingredient's strength), when given.</summary>
    public decimal? MicrogramsPerMillilitre { get; init; }

    /// <summary>Its text (code text or display, an ingredient's) names blinatumomab although no code maps to it.</summary>
    public bool LooksLikeBlinatumomab { get; init; }

    /// <summary>Ingredients given as references to a Substance or Medication elsewhere in the export, resolved by the assembler.</summary>
    public IReadOnlyList<IngredientReference> IngredientReferences { get; init; } = [];

    /// <summary>An ingredient references a contained resource that is not there: its drug cannot be known.</summary>
    public bool HasDanglingIngredient { get; init; }
}

/// <summary>A Medication ingredient given as a reference (Medication.ingredient.itemReference) to a resource elsewhere in the export.</summary>
/// <param name="ResourceType"><c>Substance</c> or <c>Medication</c>.</param>
/// <param name="Id">The referenced logical id.</param>
/// <param name="MicrogramsPerMillilitre">The ingredient's strength as a concentration, when given.</param>
public sealed record IngredientReference(string ResourceType, string Id, decimal? MicrogramsPerMillilitre);

/// <summary>A Substance resource of the export, which Medication ingredients may reference.</summary>
/// <param name="SubstanceId">Its logical id.</param>
/// <param name="Drug">The trial drug class its code means; null when it is no trial drug.</param>
public sealed record SubstanceInfo(string SubstanceId, DrugClass? Drug) : MappedResource
{
    /// <summary>Its code's text or display names blinatumomab although no code maps to it.</summary>
    public bool LooksLikeBlinatumomab { get; init; }
}

/// <summary>
/// A MedicationAdministration whose drug is a Medication resource elsewhere in the export: it is decided once
/// that Medication has been read (<see cref="PatientRecordAssembler.Complete"/>).
/// </summary>
/// <param name="PatientId">The subject Patient's logical id as written; null when the subject is missing (then it is quarantined).</param>
/// <param name="MedicationId">The referenced Medication's logical id.</param>
/// <param name="Administration">The administration with a provisional <see cref="DrugAdministration.Drug"/>, replaced on resolution; null when quarantined.</param>
/// <param name="QuarantineReason">Why the administration is quarantined should the Medication be a trial drug.</param>
public sealed record AwaitingMedication(string? PatientId, string MedicationId, DrugAdministration? Administration, string? QuarantineReason) : MappedResource
{
    /// <summary>Warnings the administration raises should the Medication be a trial drug.</summary>
    public IReadOnlyList<MappingWarning> Warnings { get; init; } = [];

    /// <summary>
    /// The administration's own Medication, when it is contained (<see cref="MedicationId"/> is then its <c>#id</c>) but
    /// references ingredients elsewhere in the export; null when the Medication is a resource of the export.
    /// </summary>
    public MedicationInfo? Contained { get; init; }

    /// <summary>medicationReference.display names blinatumomab (a warning if the Medication is not mapped).</summary>
    public bool DisplayLooksLikeBlinatumomab { get; init; }

    /// <summary>The dosage as read before the drug and its concentration are known; finished on resolution.</summary>
    internal DosageReading? Dosage { get; init; }
}
