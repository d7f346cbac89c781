using Interop.Domain.Cohort;
using Interop.Worker.Configuration;
using Interop.Worker.Report;
using Interop.Sync;
using Microsoft.Extensions.Options;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.Report;

public sealed class ReportPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Report_PlotPng_WritesARealPng()
    {
        using var store = new ReportStore();
        await store.SeedAsync(ReportStore.PublishedCohort());
        var path = store.Combine("km.png");

        var result = await CliRunner.RunAsync(["report", "--plot", path], store.Settings);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.InRange(bytes.Length, 15_000, 2_000_000);
        // IHDR: width and height, big-endian, at bytes 16-23.
        Assert.Equal(CohortPlotRenderer.Width, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.Equal(CohortPlotRenderer.Height, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
    }

    [Fact]
    public async Task Report_PlotSvg_WritesAnSvgWithTheLegend()
    {
        using var store = new ReportStore();
        await store.SeedAsync(ReportStore.PublishedCohort());
        var path = store.Combine("km.SVG");

        var result = await CliRunner.RunAsync(["report", "--format", "json", "--plot", path], store.Settings);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var svg = await File.ReadAllTextAsync(path);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("Interfant-06", svg, StringComparison.Ordinal);
        Assert.StartsWith("{", result.Output.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Svg_PublishedCohort_HasCaptionAtRiskRowsAndBothHistoricalPoints()
    {
        var result = await PublishedAsync();

        var svg = new CohortPlotRenderer().Svg(result);

        Assert.Contains("n = 30 eligible patients", svg, StringComparison.Ordinal);
        Assert.Contains("Of 30 screened, left out: 0 not eligible, 0 eligible but not started", svg, StringComparison.Ordinal);
        Assert.Contains("Number at risk, DFS", svg, StringComparison.Ordinal);
        Assert.Contains("Number at risk, OS", svg, StringComparison.Ordinal);
        foreach (var point in new[] { "49.4%", "65.8%", "44.0%", "60.2%" })
        {
            Assert.Contains("Interfant-06 " + point, svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Caption_TreatedButIneligible_SaysWhoIsLeftOut()
    {
        using var store = new ReportStore();
        await store.SeedAsync([ReportStore.Treated("a", 800), ReportStore.Treated("b", 800) with { Verdict = "ineligible" }]);
        var result = (await Service(store).BuildAsync(null, null, CancellationToken.None)).Result!;

        var caption = CohortPlotRenderer.Caption(result);

        Assert.Contains("Target file, data cut-off 2026-06-01: n = 1 eligible patients", caption, StringComparison.Ordinal);
        Assert.Contains("Of 2 screened, left out: 1 not eligible", caption, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Png_PublishedCohort_IsAPngOfTheFiguresSize()
    {
        var png = new CohortPlotRenderer().Png(await PublishedAsync());

        Assert.Equal(PngSignature, png[..8]);
    }

    private static CohortReportService Service(ReportStore store) =>
        new(store.Store, Options.Create(new CohortReportOptions()), Options.Create(new InteropOptions()));

    private static async Task<CohortReportResult> PublishedAsync()
    {
        using var store = new ReportStore();
        await store.SeedAsync(ReportStore.PublishedCohort());
        return (await Service(store).BuildAsync(null, null, CancellationToken.None)).Result!;
    }
}
