namespace Interop.Fhir.Mapping;

/// <summary>
/// A record that was read under a fallback rule, or ignored because it looks relevant but cannot be read: where
/// it was, what it was, whose it is and which rule applied. Unlike a quarantine it does not withhold the patient's
/// outcomes; it is listed so that a person can check or map it. Never carries the record's content.
/// </summary>
/// <param name="Location">Where it was read (file and line, a request, or <c>evaluation</c> for a flag the rules raised).</param>
/// <param name="ResourceType">The resource type.</param>
/// <param name="ResourceId">The logical id.</param>
/// <param name="PatientId">The patient it belongs to (the surviving id once merges are folded).</param>
/// <param name="Rule">A stable kebab-case code of the rule applied (see docs/reading-contract.md, "Warnings").</param>
/// <param name="Detail">What was done and what to map, in the adapter's own words (never a value from the record).</param>
public sealed record WarningEntry(string Location, string? ResourceType, string? ResourceId, string? PatientId, string Rule, string Detail);

/// <summary>A warning a mapper raises about the resource it maps (the assembler adds where, what and whose).</summary>
/// <param name="Rule">See <see cref="WarningEntry.Rule"/>.</param>
/// <param name="Detail">See <see cref="WarningEntry.Detail"/>.</param>
public sealed record MappingWarning(string Rule, string Detail);
