using Interop.Worker.Health;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Worker.Dashboard.Pages;

/// <summary>The readiness checks of <c>/health/ready</c>, as a table.</summary>
internal sealed class HealthModel(HealthCheckService health) : PageModel
{
    public HealthReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "health";
        Report = await health.CheckHealthAsync(r => r.Tags.Contains(HealthEndpoints.ReadyTag), cancellationToken);
    }
}
