using Interop.Domain.Cohort;

namespace Interop.Worker.Report;

/// <summary>
/// Draws a cohort report's Kaplan-Meier DFS and OS figure (see <see cref="CohortPlotRenderer"/>) as SVG or PNG. Stable
/// for the dashboard and the <c>report --plot</c> verb: give it the report of one target, get the figure's bytes.
/// </summary>
internal interface ICohortPlot
{
    /// <summary>The figure as an SVG document.</summary>
    string Svg(CohortReportResult result);

    /// <summary>The figure as a PNG image.</summary>
    byte[] Png(CohortReportResult result);
}

/// <summary>The figure's file formats and saving by extension (for the <c>report --plot</c> verb).</summary>
internal static class CohortPlot
{
    /// <summary>Whether <paramref name="path"/> ends in a supported extension (.png or .svg).</summary>
    public static bool IsSupported(string path) => Extension(path) is ".png" or ".svg";

    public static async Task SaveAsync(ICohortPlot plot, CohortReportResult result, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (Extension(path) == ".svg")
        {
            await File.WriteAllTextAsync(path, plot.Svg(result), cancellationToken);
        }
        else
        {
            await File.WriteAllBytesAsync(path, plot.Png(result), cancellationToken);
        }
    }

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();
}
