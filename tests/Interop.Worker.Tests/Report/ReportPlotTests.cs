using Interop.Worker.Sync;
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
        Assert.Equal(900, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.Equal(560, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
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
}
