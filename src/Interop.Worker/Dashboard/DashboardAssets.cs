using Interop.Worker.Report;
using Microsoft.AspNetCore.Http;

namespace Interop.Worker.Dashboard;

/// <summary>The dashboard's one stylesheet (embedded in the assembly) and the cohort's Kaplan-Meier plot as SVG.</summary>
internal static class DashboardAssets
{
    public const string StylesheetPath = "/dashboard/site.css";
    public const string PlotPath = "/dashboard/cohort-plot.svg";

    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("Interop.Worker.Dashboard.site.css")
            ?? throw new InvalidOperationException("The dashboard stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Stylesheet(HttpContext context)
    {
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(Css.Value, "text/css; charset=utf-8");
    }

    /// <summary>
    /// The plot the <c>report --plot</c> verb draws for <paramref name="target"/> (the only one when not given), at the
    /// same cut-off as the cohort page; 404 before the first sync, for an unknown target, or with several and none named.
    /// </summary>
    public static async Task<IResult> CohortPlotAsync(string? target, CohortReportService reports, ICohortPlot plot, CancellationToken cancellationToken)
    {
        var answer = await reports.BuildAsync(string.IsNullOrWhiteSpace(target) ? null : target, null, cancellationToken);
        return answer.Result is { } result ? Results.Text(plot.Svg(result), "image/svg+xml; charset=utf-8") : Results.NotFound();
    }
}
