using Interop.Ehr.Auth;
using Interop.Ehr.Bulk;

namespace Interop.Ehr.DependencyInjection;

/// <summary>
/// One EHR's FHIR R4 endpoint (section <c>Ehrs:&lt;name&gt;</c>), registered with
/// <see cref="FhirEhrServiceCollectionExtensions.AddFhirEhrClient"/> and validated on start.
/// </summary>
public sealed class EhrConnectionOptions
{
    /// <summary>Configuration section holding one sub-section per EHR name.</summary>
    public const string SectionName = "Ehrs";

    /// <summary>The FHIR base URL, e.g. <c>https://ehr.example.org/fhir/r4</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Allow plain http to a host that is not loopback (default false; for a closed test network only).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>How the adapter authenticates.</summary>
    public EhrAuthOptions Auth { get; set; } = new();

    /// <summary>
    /// Also write each screened patient's ResearchSubject (study BlinFant, status per docs/trial-rules.md) with the outcomes, when the
    /// EHR's CapabilityStatement offers conditional update on ResearchSubject (default false).
    /// </summary>
    public bool WriteResearchSubject { get; set; }

    /// <summary>Timeouts and retries.</summary>
    public EhrResilienceOptions Resilience { get; set; } = new();

    /// <summary>How <c>sync --source</c> reads this EHR: REST searches (default) or a Bulk Data export.</summary>
    public EhrReadMode Read { get; set; } = EhrReadMode.Rest;

    /// <summary>The Bulk Data export's settings (<c>Ehrs:&lt;name&gt;:Bulk</c>), used when <see cref="Read"/> is Bulk.</summary>
    public BulkExportOptions Bulk { get; set; } = new();

    /// <summary>The configuration section of EHR <paramref name="name"/>: <c>Ehrs:&lt;name&gt;</c>.</summary>
    public static string SectionFor(string name) => $"{SectionName}:{name}";

    /// <summary>One message per problem, naming the setting (never repeating a value that could be a secret).</summary>
    public IReadOnlyList<string> Validate(string name) => EhrConnectionOptionsValidation.Validate(this, SectionFor(name));

    /// <summary>Whether <paramref name="uri"/> may be used with these options: https, or http to loopback or when allowed.</summary>
    internal bool IsAllowedTransport(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || AllowInsecureHttp));
}
