using Interop.Domain.Facts;

namespace Interop.Domain.Results;

/// <summary>
/// A record the rules used under a fallback rule, or set aside, that a person should look at (a data-quality
/// flag): the outcome still follows, but it stands on a reading the EHR did not state outright.
/// </summary>
/// <param name="Rule">A stable kebab-case code naming the rule applied, e.g. <c>open-ended-infusion-bounded</c>.</param>
/// <param name="Evidence">The record the flag is about.</param>
/// <param name="Detail">What was done, in words of the adapter's own (never a value copied from the record).</param>
public sealed record DataQualityFlag(string Rule, EvidenceRef Evidence, string Detail);
