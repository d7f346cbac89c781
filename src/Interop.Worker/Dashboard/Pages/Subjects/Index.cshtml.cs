using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Interop.Store;
using Interop.Worker.Configuration;
using Interop.Worker.Serve;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Dashboard.Pages.Subjects;

/// <summary>The subjects, filtered by verdict, ResearchSubject status and target, a page at a time (the API's query).</summary>
internal sealed class IndexModel(StateStore store, ISyncTrigger targets, IOptions<InteropOptions> interop) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> Verdicts = ["eligible", "ineligible", "undetermined"];

    public static readonly IReadOnlyList<string> Statuses =
        [.. Enum.GetValues<ResearchSubject.ResearchSubjectStatus>().Select(s => s.GetLiteral())];

    [BindProperty(SupportsGet = true)]
    public string? Verdict { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public IReadOnlyList<string> Targets => targets.Targets;

    public TimeZoneInfo Zone => interop.Value.TimeZone();

    public StorePage<SubjectStatus> Subjects { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "subjects";

        // Unknown filter values are dropped (the form offers only known ones), never echoed.
        Verdict = Verdicts.Contains(Verdict) ? Verdict : null;
        Status = Statuses.Contains(Status) ? Status : null;
        Target = Targets.Contains(Target) ? Target : null;
        Skip = Math.Max(0, Skip);
        Subjects = await store.ListSubjectStatusesAsync(new SubjectStatusQuery(Target, Verdict, Status, Skip, PageSize), cancellationToken);
    }

    /// <summary>This list's address with another offset, the filters kept.</summary>
    public string PageUrl(int skip) => Url.Page("/Subjects/Index", new { verdict = Verdict, status = Status, target = Target, skip })!;
}
