using Interop.Client.Contracts;
using Interop.Worker.Report;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Interop.Worker.Dashboard.Pages;

/// <summary>
/// The cohort of one sync target: the same report as <c>GET /api/v1/trial/summary?ehr=</c> and <c>report --target</c>,
/// beside Interfant-06. Targets are never merged: with several and none chosen, the page lists them to choose from.
/// </summary>
internal sealed class IndexModel(ITrialSummarySource summaries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    public TrialSummary? Summary { get; private set; }

    public CohortTargetStatus Status { get; private set; }

    public IReadOnlyList<string> Targets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "cohort";
        var answer = await summaries.GetSummaryAsync(string.IsNullOrWhiteSpace(Target) ? null : Target, null, cancellationToken);
        (Status, Summary, Targets) = (answer.Status, answer.Summary, answer.Targets);
    }

    /// <summary>The plot of the target shown.</summary>
    public string PlotUrl => DashboardAssets.PlotPath + "?target=" + Uri.EscapeDataString(Summary?.Target ?? string.Empty);
}
