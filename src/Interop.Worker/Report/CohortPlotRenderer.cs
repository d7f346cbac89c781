using System.Globalization;
using Interop.Domain.Cohort;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Interop.Worker.Report;

/// <summary>
/// The Kaplan-Meier figure as a clinician reads it: DFS (solid) and OS (dashed, other censor mark) as steps over months
/// from the start of blinatumomab, each with its 95 % Greenwood log-log band; a mark per censored patient; the
/// Interfant-06 points at 2 and 4 years; the number at risk under the axis; and a caption saying whom it covers.
/// </summary>
internal sealed class CohortPlotRenderer : ICohortPlot
{
    public const int Width = 960;
    public const int Height = 720;
    private const double TickMonths = 6;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Color DfsColor = Color.FromHex("#1f77b4");
    private static readonly Color OsColor = Color.FromHex("#d62728");
    private static readonly double[] Months2And4 = [24, 48];

    /// <inheritdoc/>
    public string Svg(CohortReportResult result)
    {
        using var plot = Draw(result);
        return plot.GetSvgXml(Width, Height);
    }

    /// <inheritdoc/>
    public byte[] Png(CohortReportResult result)
    {
        using var plot = Draw(result);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The caption: the target, the cut-off and who is in the figure (and who is left out, and why).</summary>
    public static string Caption(CohortReportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Report;
        var p = r.Population;
        var unknown = r.Dfs.EventDayUnknown + r.Os.EventDayUnknown == 0
            ? string.Empty
            : string.Create(Invariant, $"; event on an unknown day, not in the curve: DFS {r.Dfs.EventDayUnknown}, OS {r.Os.EventDayUnknown}");
        return string.Create(
            Invariant,
            $"Target {result.Target}, data cut-off {result.AsOf:yyyy-MM-dd}: n = {p.InAnalysis} eligible patients from the start of blinatumomab "
            + $"(DFS curve {r.Dfs.Curve.Subjects}, OS curve {r.Os.Curve.Subjects}).\n"
            + $"Of {p.Screened} screened, left out: {p.NotEligible} not eligible, {p.NotStarted} eligible but not started by the cut-off{unknown}.");
    }

    private static Plot Draw(CohortReportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = result.Report;
        var plot = new Plot();
        var lastMonth = Math.Max(LastTime(report.Dfs.Curve), LastTime(report.Os.Curve)) / SurvivalTime.DaysPerMonth;
        var maxMonth = (Math.Ceiling(Math.Max(48, lastMonth) / TickMonths) * TickMonths) + TickMonths;

        foreach (var years in new[] { 24, 48 })
        {
            plot.Add.VerticalLine(years, 1, Colors.Gray, LinePattern.Dotted).ExcludeFromLegend = true;
        }

        AddBand(plot, report.Dfs.Curve, DfsColor);
        AddBand(plot, report.Os.Curve, OsColor);
        // DFS wide and solid underneath, OS narrow and dashed on top: where they coincide both stay visible.
        AddCurve(plot, report.Dfs, $"Disease-free survival (n={report.Dfs.Curve.Subjects}, events {report.Dfs.Curve.Events})", DfsColor, LinePattern.Solid, 3.5f, MarkerShape.VerticalBar);
        AddCurve(plot, report.Os, $"Overall survival (n={report.Os.Curve.Subjects}, deaths {report.Os.Curve.Events})", OsColor, LinePattern.Dashed, 2f, MarkerShape.Cross);
        var historical = report.Historical;
        AddHistorical(plot, "Interfant-06 OS (2 and 4 years)", OsColor, MarkerShape.FilledDiamond, historical.HistoricalOsTwoYear, historical.HistoricalOsFourYear, -14);
        AddHistorical(plot, "Interfant-06 DFS (2 and 4 years)", DfsColor, MarkerShape.FilledSquare, historical.HistoricalDfsTwoYear, historical.HistoricalDfsFourYear, 14);

        plot.Title("BlinFant cohort: Kaplan-Meier DFS and OS with 95% CI (Greenwood, log-log)\n" + Caption(result), size: 13);
        plot.XLabel("Months from the start of blinatumomab");
        plot.YLabel("Probability");
        plot.Axes.SetLimits(0, maxMonth, 0, 1.02);
        plot.Axes.Bottom.TickGenerator = new NumericFixedInterval(TickMonths);
        plot.Axes.Left.TickGenerator = new NumericFixedInterval(0.1) { LabelFormatter = v => Percent(v, "0") };
        AddAtRisk(plot, "Number at risk, DFS", report.Dfs.Curve, DfsColor, maxMonth);
        AddAtRisk(plot, "Number at risk, OS", report.Os.Curve, OsColor, maxMonth);
        AddCensorLegend(plot);
        plot.ShowLegend(Alignment.LowerLeft).FontSize = 12;
        return plot;
    }

    private static void AddCurve(Plot plot, SurvivalSummary summary, string label, Color color, LinePattern pattern, float width, MarkerShape censorShape)
    {
        var steps = summary.Curve.Steps;
        double[] months = [0, .. steps.Select(s => Months(s.TimeDays))];
        double[] survival = [1, .. steps.Select(s => s.Survival)];
        var line = plot.Add.Scatter(months, survival, color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = label;

        var marks = summary.Curve.CensorMarks.ToList();
        if (marks.Count > 0)
        {
            var ticks = plot.Add.Markers(marks.Select(m => Months(m.TimeDays)).ToArray(), marks.Select(m => m.Survival).ToArray(), censorShape, 11, color);
            ticks.MarkerLineWidth = 1.5f;
        }
    }

    /// <summary>The 95 % band as steps: from each event time the interval of the estimate there, until the next.</summary>
    private static void AddBand(Plot plot, KaplanMeierCurve curve, Color color)
    {
        var steps = curve.Steps;
        if (steps.Count == 0)
        {
            return;
        }

        List<double> x = [0], low = [1], high = [1];
        foreach (var step in steps)
        {
            var estimate = curve.EstimateAt(step.TimeDays);
            if (estimate is null)
            {
                continue;
            }

            x.AddRange([Months(step.TimeDays), Months(step.TimeDays)]);
            low.AddRange([low[^1], estimate.Lower]);
            high.AddRange([high[^1], estimate.Upper]);
        }

        var band = plot.Add.FillY([.. x], [.. low], [.. high]);
        band.FillColor = color.WithAlpha(0.15);
        band.LineWidth = 0;
    }

    private static void AddHistorical(Plot plot, string label, Color color, MarkerShape shape, double twoYear, double fourYear, float offsetY)
    {
        var points = plot.Add.Markers(Months2And4, new[] { twoYear, fourYear }, shape, 12, color);
        points.LegendText = label;
        foreach (var (month, value) in new[] { (24.0, twoYear), (48.0, fourYear) })
        {
            var text = plot.Add.Text($"Interfant-06 {Percent(value, "0.0")}", month, value);
            text.LabelFontColor = color;
            text.LabelFontSize = 11;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetX = 9;
            text.OffsetY = offsetY;
        }
    }

    /// <summary>A row of at-risk counts under the axis: an extra bottom axis whose tick labels are the counts.</summary>
    private static void AddAtRisk(Plot plot, string label, KaplanMeierCurve curve, Color color, double maxMonth)
    {
        var ticks = new NumericManual();
        for (var month = 0.0; month <= maxMonth; month += TickMonths)
        {
            ticks.AddMajor(month, curve.AtRiskAt(month * SurvivalTime.DaysPerMonth).ToString(Invariant));
        }

        var axis = plot.Axes.AddBottomAxis();
        axis.TickGenerator = ticks;
        axis.LabelText = label;
        axis.LabelFontSize = 12;
        axis.LabelFontColor = color;
        axis.TickLabelStyle.ForeColor = color;
        axis.FrameLineStyle.Width = 0;
        axis.MajorTickStyle.Length = 0;
        axis.MinorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(0, maxMonth, axis);
    }

    private static void AddCensorLegend(Plot plot)
    {
        foreach (var (text, shape) in new[] { ("Censored, DFS", MarkerShape.VerticalBar), ("Censored, OS", MarkerShape.Cross) })
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = text,
                MarkerShape = shape,
                MarkerSize = 11,
                MarkerLineWidth = 1.5f,
                MarkerColor = Colors.DimGray,
                LineWidth = 0,
            });
        }
    }

    private static double Months(double days) => days / SurvivalTime.DaysPerMonth;

    private static string Percent(double fraction, string format) => (fraction * 100).ToString(format, Invariant) + "%";

    private static double LastTime(KaplanMeierCurve curve) => curve.Steps.Count == 0 ? 0 : curve.Steps[^1].TimeDays;
}
