using Interop.Fhir.Mapping;

namespace Interop.Sync;

/// <summary>What became of one patient in a run.</summary>
public enum PatientResultKind
{
    /// <summary>Outcomes handed to the sink (some may have been unchanged).</summary>
    Written,

    /// <summary>Evaluated; nothing to write, every outcome was already there as it is.</summary>
    Unchanged,

    /// <summary>Not written: a record of theirs was quarantined, or an outcome failed its profile.</summary>
    Withheld,

    /// <summary>An expected failure (EHR, protocol, terminology) stopped the patient; retried next run.</summary>
    Failed,
}

/// <summary>
/// One patient's result: what became of them and, unless written, why (a category of our own vocabulary, never input
/// text), with the quarantine entries that explain a withheld patient.
/// </summary>
public sealed record PatientResult(string PatientId, PatientResultKind Kind, string? Reason, IReadOnlyList<QuarantineEntry> Failures)
{
    /// <summary>The reason of a patient withheld for a quarantined record of theirs.</summary>
    public const string QuarantinedInput = "quarantined-input";

    /// <summary>The reason of a patient withheld for an outcome that failed its profile.</summary>
    public const string ValidationFailed = "validation-failed";

    /// <summary>A withheld patient.</summary>
    public static PatientResult Withheld(string patientId, string reason, IReadOnlyList<QuarantineEntry>? failures = null) =>
        new(patientId, PatientResultKind.Withheld, reason, failures ?? []);

    /// <summary>A failed patient.</summary>
    public static PatientResult Failed(string patientId, string reason) => new(patientId, PatientResultKind.Failed, reason, []);
}
