using Hl7.Fhir.Model;
using Interop.Store;
using Interop.Worker.Api;
using Interop.Domain.Rules;
using Interop.Worker.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Dashboard.Pages.Subjects;

/// <summary>One subject as the API's <c>/api/v1/subjects/{patientId}</c> finds it (the same lookup), with the timeline of its day counts.</summary>
internal sealed class DetailModel(SubjectLookup lookup, IOptions<InteropOptions> interop, IOptions<TrialRuleOptions> rules) : PageModel
{
    public SubjectStatus? Subject { get; private set; }

    public IReadOnlyList<SubjectStatus> Candidates { get; private set; } = [];

    public TimeZoneInfo Zone => interop.Value.TimeZone();

    public string PatientId { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string patientId, [FromQuery] string? ehr, CancellationToken cancellationToken)
    {
        ViewData["Section"] = "subjects";
        if (!Id.IsValidValue(patientId) || (ehr is not null && (string.IsNullOrWhiteSpace(ehr) || ehr.Length > 100)))
        {
            return NotFound();
        }

        PatientId = patientId;
        var found = await lookup.FindAsync(patientId, ehr, cancellationToken);
        Subject = found.Subject;
        Candidates = found.Candidates;
        return Subject is null && !found.Ambiguous ? NotFound() : Page();
    }

    /// <summary>The course and survival events by day from the survival origin, in order (empty before the course starts).</summary>
    public IReadOnlyList<TimelineEvent> Timeline => Subject is { } s ? TimelineEvent.Of(s, rules.Value.SurvivalOrigin) : [];
}
