using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Microsoft.Extensions.Logging;

namespace Interop.Ehr.Bulk;

/// <summary>
/// The FHIR Bulk Data Access (v2) client of one EHR: what the server supports, kick-off, status polling, cancel.
/// Downloads are <see cref="BulkFileDownloader"/>'s; the whole export with resume is <see cref="BulkExporter"/>'s.
/// </summary>
public sealed partial class BulkDataClient
{
    private readonly IBulkDataApi _api;
    private readonly FhirClient _fhir;
    private readonly BulkExportOptions _options;
    private readonly Uri _baseUrl;
    private readonly string _ehr;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal BulkDataClient(IBulkDataApi api, FhirClient fhir, Uri baseUrl, BulkExportOptions options, string ehr, TimeProvider time, ILogger logger)
    {
        _api = api;
        _fhir = fhir;
        _baseUrl = baseUrl;
        _options = options;
        _ehr = ehr;
        _time = time;
        _logger = logger;
    }

    /// <summary>The settings in force.</summary>
    public BulkExportOptions Options => _options;

    /// <summary>Test seam: waits between polls (TimeProvider.Delay in production).</summary>
    internal Func<TimeSpan, CancellationToken, System.Threading.Tasks.Task>? Delay { get; set; }

    /// <summary>What the server declares about export: its CapabilityStatement, and its own export OperationDefinition when it names one on itself.</summary>
    public async Task<BulkServerSupport> DiscoverAsync(CancellationToken cancellationToken)
    {
        var capabilities = await _fhir.CapabilitiesAsync(cancellationToken);
        IReadOnlySet<string>? parameters = null;
        if (BulkServerSupport.DefinitionOf(capabilities, _options.Level) is { } definition
            && !definition.StartsWith(BulkServerSupport.OperationDefinitionPrefix, StringComparison.Ordinal)
            && OwnDefinitionId(definition) is { } id)
        {
            try
            {
                var operation = await _fhir.ReadAsync<OperationDefinition>(id, cancellationToken);
                parameters = operation.Parameter.Where(p => p.Use == OperationParameterUse.In).Select(p => p.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            }
            catch (FhirServerException)
            {
                // Not readable: the IG's defaults hold (and the settings can override them).
            }
        }

        return BulkServerSupport.From(capabilities, parameters, _options);
    }

    /// <summary>
    /// Kicks off an export at the configured level: <c>_type</c> limited to the requested types the server exports,
    /// <c>_since</c> and <c>_typeFilter</c> only where supported. Answers 202 with Content-Location, or throws
    /// <see cref="FhirServerException"/> (the server refused) / <see cref="FhirProtocolException"/> (no status URL).
    /// </summary>
    public async Task<BulkKickOff> KickOffAsync(BulkExportRequest request, BulkServerSupport support, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(support);
        var types = request.Types.Where(t => !support.TypesNotExported.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var byRest = request.Types.Where(support.TypesNotExported.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (byRest.Count > 0)
        {
            var missing = string.Join(',', byRest);
            BulkLog.TypesByRest(_logger, _ehr, missing);
        }

        var parameters = new List<KeyValuePair<string, string>> { new("_outputFormat", "application/fhir+ndjson") };
        if (types.Count > 0)
        {
            parameters.Add(new("_type", string.Join(',', types)));
        }

        var sinceSent = request.Since is not null && support.Since;
        if (sinceSent)
        {
            parameters.Add(new("_since", request.Since!.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
        }

        var filters = support.TypeFilter ? request.TypeFilters.Where(f => types.Contains(f.Split('?', 2)[0])).ToList() : [];
        parameters.AddRange(filters.Select(f => new KeyValuePair<string, string>("_typeFilter", f)));

        var query = FhirSearchQuery.Create(parameters);
        using var response = _options.Level switch
        {
            BulkExportLevel.System => await _api.KickOffSystemAsync(query, cancellationToken),
            BulkExportLevel.Patient => await _api.KickOffPatientAsync(query, cancellationToken),
            _ => await _api.KickOffGroupAsync(_options.GroupId!, query, cancellationToken),
        };
        await ThrowOnErrorAsync(response);
        var path = RequestDescription.Path(response.RequestMessage);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new FhirProtocolException("GET", path, $"The FHIR server answered the export kick-off with HTTP {(int)response.StatusCode}, not 202 Accepted.", null);
        }

        var location = response.Content.Headers.ContentLocation ?? response.Headers.Location;
        if (location is null || !Uri.TryCreate(_baseUrl, location, out var statusUrl))
        {
            throw new FhirProtocolException("GET", path, "The FHIR server accepted the export kick-off without a Content-Location (status URL).", null);
        }

        var typeList = string.Join(',', types);
        var filtered = filters.Count > 0;
        BulkLog.KickedOff(_logger, _ehr, _options.Level, typeList, sinceSent, filtered);
        return new BulkKickOff(statusUrl, types, sinceSent, filtered, byRest);
    }

    /// <summary>
    /// Polls <paramref name="statusUrl"/> until the manifest: waits Retry-After (or PollInterval), bounded by
    /// MinPollInterval/MaxPollInterval, also after 429 and 503; logs X-Progress. Throws <see cref="BulkJobGoneException"/>
    /// on 404/410, <see cref="FhirServerException"/> when the export failed, <see cref="FhirUnavailableException"/> after MaxWait.
    /// </summary>
    public async Task<BulkManifest> WaitForManifestAsync(Uri statusUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statusUrl);
        var path = RequestDescription.Path(statusUrl);
        var deadline = _time.GetUtcNow() + _options.MaxWait;
        while (true)
        {
            TimeSpan delay;
            using (var response = await _api.StatusAsync(statusUrl, poll: true, cancellationToken))
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                        var manifest = BulkManifest.Parse(body)
                            ?? throw new FhirProtocolException("GET", path, "The FHIR server's export manifest is not a Bulk Data manifest (transactionTime, output and file urls are required).", null);
                        BulkLog.Complete(_logger, _ehr, manifest.Output.Count, manifest.Deleted.Count, manifest.Error.Count);
                        return manifest;
                    case HttpStatusCode.Accepted:
                        delay = NextDelay(response);
                        var progress = Progress(response);
                        BulkLog.InProgress(_logger, _ehr, progress, delay.TotalSeconds);
                        break;
                    case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                        delay = NextDelay(response);
                        var status = (int)response.StatusCode;
                        BulkLog.Throttled(_logger, _ehr, status, delay.TotalSeconds);
                        break;
                    case HttpStatusCode.NotFound or HttpStatusCode.Gone:
                        throw new BulkJobGoneException(path, (int)response.StatusCode);
                    default:
                        await ThrowOnErrorAsync(response);
                        throw new FhirProtocolException("GET", path, $"The FHIR server answered an export status poll with HTTP {(int)response.StatusCode}.", null);
                }
            }

            if (_time.GetUtcNow() + delay > deadline)
            {
                throw new FhirUnavailableException("GET", path, $"The Bulk Data export is still in progress after {_options.MaxWait} (Bulk:MaxWait); it is kept and resumed by the next run.", null);
            }

            await (Delay ?? ((d, ct) => System.Threading.Tasks.Task.Delay(d, _time, ct)))(delay, cancellationToken);
        }
    }

    /// <summary><c>DELETE {status URL}</c>: the server stops the export and may drop its files. A job it no longer knows is fine.</summary>
    public async System.Threading.Tasks.Task CancelAsync(Uri statusUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statusUrl);
        using var response = await _api.CancelAsync(statusUrl, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Gone))
        {
            await ThrowOnErrorAsync(response);
        }

        var status = (int)response.StatusCode;
        BulkLog.Cancelled(_logger, _ehr, status);
    }

    internal static async System.Threading.Tasks.Task ThrowOnErrorAsync(HttpResponseMessage response)
    {
        if (await FhirRefitSettings.CreateServerExceptionAsync(response) is { } error)
        {
            throw error;
        }
    }

    private TimeSpan NextDelay(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wanted = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - _time.GetUtcNow() : _options.PollInterval);
        return wanted < _options.MinPollInterval ? _options.MinPollInterval
            : wanted > _options.MaxPollInterval ? _options.MaxPollInterval
            : wanted;
    }

    /// <summary>The server's X-Progress text when it is short and plain (a percentage, a phase), else a placeholder: it reaches a log line.</summary>
    private static string Progress(HttpResponseMessage response)
    {
        var text = response.Headers.TryGetValues("X-Progress", out var values) ? values.FirstOrDefault()?.Trim() : null;
        return string.IsNullOrEmpty(text) ? "no progress given"
            : text.Length <= 64 && PlainText().IsMatch(text) ? text
            : "progress text not shown";
    }

    /// <summary>The id of an OperationDefinition canonical that points at the server itself (<c>[base]/OperationDefinition/{id}</c>).</summary>
    private string? OwnDefinitionId(string canonical)
    {
        var prefix = _baseUrl.AbsoluteUri.TrimEnd('/') + "/OperationDefinition/";
        var id = canonical.StartsWith(prefix, StringComparison.Ordinal) ? canonical[prefix.Length..].Split('|', 2)[0] : null;
        return id is not null && IdPattern().IsMatch(id) ? id : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9 %.,:;/()_-]*$")]
    private static partial System.Text.RegularExpressions.Regex PlainText();

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9.-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}
