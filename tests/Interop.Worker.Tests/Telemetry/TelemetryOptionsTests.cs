using Interop.Worker.Telemetry;

namespace Interop.Worker.Tests.Telemetry;

public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("Console")]
    [InlineData("OTLP")]
    public void Validate_KnownExporter_NoErrors(string exporter) => Assert.Empty(new TelemetryOptions { Exporter = exporter }.Validate());

    [Fact]
    public void Validate_UnknownExporter_NamesTheSetting() =>
        Assert.StartsWith("Telemetry:Exporter ", Assert.Single(new TelemetryOptions { Exporter = "zipkin" }.Validate()), StringComparison.Ordinal);

    [Theory]
    [InlineData("collector:4317")]
    [InlineData("ftp://collector:4317")]
    [InlineData("http://user:secret@collector:4317")]
    public void Validate_BadOtlpEndpoint_NamesTheSetting(string endpoint)
    {
        var error = Assert.Single(new TelemetryOptions { Exporter = "otlp", OtlpEndpoint = endpoint }.Validate());
        Assert.StartsWith("Telemetry:OtlpEndpoint ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OtlpEndpointUri_Valid_IsParsed() =>
        Assert.Equal(new Uri("http://127.0.0.1:4317"), new TelemetryOptions { Exporter = "otlp", OtlpEndpoint = "http://127.0.0.1:4317" }.OtlpEndpointUri());
}
