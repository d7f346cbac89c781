using Interop.Client.Contracts;
using Interop.Worker.Report;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Interop.Worker.Dashboard.Pages;

/// <summary>The cohort: the same report as <c>GET /api/v1/trial/summary</c> and <c>report</c>, beside Interfant-06.</summary>
internal sealed class IndexModel(ITrialSummarySource summaries) : PageModel
{
    public TrialSummary? Summary { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "cohort";
        Summary = await summaries.GetSummaryAsync(null, cancellationToken);
    }
}
