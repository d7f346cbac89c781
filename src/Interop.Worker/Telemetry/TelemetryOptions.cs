namespace Interop.Worker.Telemetry;

/// <summary>Where OpenTelemetry metrics and traces go (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>Exporter values.</summary>
    public static readonly IReadOnlyList<string> Exporters = ["none", "console", "otlp"];

    /// <summary><c>none</c> (default: nothing exported), <c>console</c> or <c>otlp</c>.</summary>
    public string Exporter { get; set; } = "none";

    /// <summary>The OTLP collector (gRPC, e.g. <c>http://127.0.0.1:4317</c>); the exporter's default when unset.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The exporter, lower case (valid after <see cref="Validate"/>).</summary>
    public string ExporterKind => (Exporter ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>One message per problem, naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Exporters.Contains(ExporterKind))
        {
            errors.Add($"{SectionName}:{nameof(Exporter)} '{Exporter}' is not one of {string.Join(", ", Exporters)}");
        }

        if (OtlpEndpoint is not null && !TryEndpoint(OtlpEndpoint, out _))
        {
            errors.Add($"{SectionName}:{nameof(OtlpEndpoint)} must be an absolute http(s) URL such as http://127.0.0.1:4317");
        }

        return errors;
    }

    /// <summary>The parsed <see cref="OtlpEndpoint"/>, or null.</summary>
    public Uri? OtlpEndpointUri() => OtlpEndpoint is not null && TryEndpoint(OtlpEndpoint, out var uri) ? uri : null;

    private static bool TryEndpoint(string text, out Uri uri) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo);
}
