using Interop.Client.Contracts;
using Interop.Store;
using Interop.Worker.Api;
using Interop.Worker.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Dashboard.Pages.Runs;

/// <summary>One run with its quarantined records, warnings and server drift, as <c>GET /api/v1/runs/{runId}</c>.</summary>
internal sealed class DetailModel(StateStore store, IOptions<InteropOptions> interop) : PageModel
{
    public RunDetail Run { get; private set; } = null!;

    public TimeZoneInfo Zone => interop.Value.TimeZone();

    public async Task<IActionResult> OnGetAsync(Guid runId, CancellationToken cancellationToken)
    {
        ViewData["Section"] = "runs";
        if (await store.GetRunAsync(runId, cancellationToken) is not { } run)
        {
            return NotFound();
        }

        Run = ApiViews.RunDetail(run);
        return Page();
    }
}
