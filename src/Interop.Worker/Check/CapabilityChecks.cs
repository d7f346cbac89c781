using Hl7.Fhir.Model;
using Interop.Sync;

namespace Interop.Worker.Check;

/// <summary>
/// The go-live report's lines for what a sync needs from the server: the one set of requirements the sync itself
/// refuses a server by (<see cref="EhrRequirements"/>), each as PASS or FAIL. Pure: one statement in, report lines out.
/// </summary>
internal static class CapabilityChecks
{
    public static IReadOnlyList<CheckLine> Evaluate(CapabilityStatement capabilities) =>
        [.. EhrRequirements.Evaluate(capabilities).Select(r => new CheckLine(r.Met ? CheckStatus.Pass : CheckStatus.Fail, r.Check, r.Detail))];

    /// <summary>
    /// ResearchSubject write-back (issue 5): PASS when the server takes it or it is not wanted; WARN when
    /// <c>Ehrs:&lt;name&gt;:WriteResearchSubject</c> is on and the server lacks conditional update or delete on it.
    /// </summary>
    public static CheckLine ResearchSubject(CapabilityStatement capabilities, bool enabled, string ehrName)
    {
        var supported = EhrRequirements.SupportsResearchSubject(capabilities);
        var setting = $"Ehrs:{ehrName}:WriteResearchSubject";
        return (supported, enabled) switch
        {
            (true, true) => new(CheckStatus.Pass, CheckNames.ResearchSubject, "conditional update and delete on ResearchSubject: each patient's ResearchSubject is written with the outcomes"),
            (true, false) => new(CheckStatus.Pass, CheckNames.ResearchSubject, $"the server takes ResearchSubject; it is not written because {setting} is off"),
            (false, true) => new(CheckStatus.Warn, CheckNames.ResearchSubject, $"{setting} is on but the server lacks conditional update or conditional delete on ResearchSubject: only outcomes and Provenance will be written"),
            (false, false) => new(CheckStatus.Pass, CheckNames.ResearchSubject, $"not written ({setting} is off)"),
        };
    }
}
