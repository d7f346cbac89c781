using Interop.Domain.Cohort;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Interop.Worker.Report;

/// <summary>
/// Draws the Kaplan-Meier DFS and OS curves (steps over months from the start of blinatumomab, a vertical tick per
/// censored patient) beside the Interfant-06 2-year points, as PNG or SVG by the file's extension.
/// </summary>
internal static class CohortPlot
{
    public const int Width = 900;
    public const int Height = 560;

    private static readonly Color DfsColor = Color.FromHex("#1f77b4");
    private static readonly Color OsColor = Color.FromHex("#d62728");

    /// <summary>Whether <paramref name="path"/> ends in a supported extension (.png or .svg).</summary>
    public static bool IsSupported(string path) => Extension(path) is ".png" or ".svg";

    public static void Save(CohortReportResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var plot = Draw(result);
        if (Extension(path) == ".svg")
        {
            plot.SaveSvg(path, Width, Height);
        }
        else
        {
            plot.SavePng(path, Width, Height);
        }
    }

    /// <summary>The plot as an SVG document (the dashboard's cohort page shows it).</summary>
    public static string Svg(CohortReportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var plot = Draw(result);
        return plot.GetSvgXml(Width, Height);
    }

    private static Plot Draw(CohortReportResult result)
    {
        var report = result.Report;
        var plot = new Plot();
        var lastMonth = Math.Max(
            24,
            Math.Max(LastTime(report.Dfs.Curve), LastTime(report.Os.Curve)) / SurvivalTime.DaysPerMonth);
        var twoYears = plot.Add.VerticalLine(24, 1, Colors.Gray, LinePattern.Dotted);
        twoYears.ExcludeFromLegend = true;
        AddCurve(plot, report.Os, $"Overall survival (n={report.Os.Curve.Subjects})", OsColor);
        AddCurve(plot, report.Dfs, $"Disease-free survival (n={report.Dfs.Curve.Subjects})", DfsColor);
        AddHistorical(plot, report.Historical.HistoricalOsTwoYear, "Interfant-06 OS at 2 years", OsColor, MarkerShape.FilledDiamond);
        AddHistorical(plot, report.Historical.HistoricalDfsTwoYear, "Interfant-06 DFS at 2 years", DfsColor, MarkerShape.FilledSquare);

        plot.Title($"BlinFant cohort: Kaplan-Meier DFS and OS (data cut-off {result.AsOf:yyyy-MM-dd})");
        plot.XLabel("Months from the start of blinatumomab");
        plot.YLabel("Probability");
        plot.Axes.SetLimits(0, Math.Ceiling(lastMonth / 6) * 6, 0, 1.02);
        plot.Axes.Bottom.TickGenerator = new NumericFixedInterval(6);
        plot.Axes.Left.TickGenerator = new NumericFixedInterval(0.1) { LabelFormatter = v => Percent(v, "0") };
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "Censored",
            MarkerShape = MarkerShape.VerticalBar,
            MarkerSize = 11,
            MarkerLineWidth = 1.5f,
            MarkerColor = Colors.DimGray,
            LineWidth = 0,
        });
        var legend = plot.ShowLegend(Alignment.LowerLeft);
        legend.FontSize = 13;
        return plot;
    }

    private static void AddCurve(Plot plot, SurvivalSummary summary, string label, Color color)
    {
        var steps = summary.Curve.Steps;
        double[] months = [0, .. steps.Select(s => s.TimeDays / SurvivalTime.DaysPerMonth)];
        double[] survival = [1, .. steps.Select(s => s.Survival)];
        var line = plot.Add.Scatter(months, survival, color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 2.5f;
        line.LegendText = label;

        var marks = summary.Curve.CensorMarks.ToList();
        if (marks.Count > 0)
        {
            var ticks = plot.Add.Markers(
                marks.Select(m => m.TimeDays / SurvivalTime.DaysPerMonth).ToArray(), marks.Select(m => m.Survival).ToArray(), MarkerShape.VerticalBar, 11, color);
            ticks.MarkerLineWidth = 1.5f;
        }
    }

    private static void AddHistorical(Plot plot, double value, string label, Color color, MarkerShape shape)
    {
        var point = plot.Add.Marker(24, value, shape, 12, color);
        point.LegendText = label;
        var text = plot.Add.Text($"Interfant-06 {Percent(value, "0.0")}", 24, value);
        text.LabelFontColor = color;
        text.LabelFontSize = 12;
        text.LabelAlignment = Alignment.MiddleLeft;
        text.OffsetX = 10;
    }

    private static string Percent(double fraction, string format) =>
        (fraction * 100).ToString(format, System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static double LastTime(KaplanMeierCurve curve) => curve.Steps.Count == 0 ? 0 : curve.Steps[^1].TimeDays;

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();
}
