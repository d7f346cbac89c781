using Interop.Client.Contracts;
using Interop.Store;
using Interop.Worker.Api;
using Interop.Worker.Configuration;
using Interop.Worker.Serve;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Dashboard.Pages.Runs;

/// <summary>The run history, newest first, as <c>GET /api/v1/runs</c> answers it.</summary>
internal sealed class IndexModel(StateStore store, ISyncTrigger targets, IOptions<InteropOptions> interop) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public IReadOnlyList<string> Targets => targets.Targets;

    public TimeZoneInfo Zone => interop.Value.TimeZone();

    public Page<RunSummary> Runs { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "runs";
        Target = Targets.Contains(Target) ? Target : null;
        Skip = Math.Max(0, Skip);
        Runs = ApiViews.Page(await store.ListRunsAsync(Target, Skip, PageSize, cancellationToken), ApiViews.Run);
    }

    public string PageUrl(int skip) => Url.Page("/Runs/Index", new { target = Target, skip })!;
}
