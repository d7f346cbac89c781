using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using Interop.Ehr.Auth;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Rest;
using Interop.Worker.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Check;

/// <summary>
/// The go-live check of one EHR: reads the CapabilityStatement (reachability, latency, what the sync needs)
/// and makes one authenticated read (<c>Patient?_count=1</c>, first page only). It never writes, and prints
/// no token, query string or resource content.
/// </summary>
internal sealed partial class GoLiveCheck(IServiceProvider services, TimeProvider timeProvider, ILogger<GoLiveCheck> logger)
{
    private static readonly string[] WrittenTypes = ["Observation", "Provenance"];

    public async Task<GoLiveReport> RunAsync(EhrTarget target, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredKeyedService<FhirClient>(target.Name);
        var lines = new List<CheckLine>();
        var (capabilities, authentication) = await ReadCapabilitiesAsync(client, target, lines, cancellationToken);
        lines.Add(authentication ?? await AuthenticateAsync(client, target, cancellationToken));
        if (capabilities is not null)
        {
            lines.AddRange(CapabilityChecks.Evaluate(capabilities));
            var ehrOptions = services.GetRequiredService<IOptionsMonitor<EhrConnectionOptions>>().Get(target.Name);
            lines.Add(CapabilityChecks.ResearchSubject(capabilities, ehrOptions.WriteResearchSubject, target.Name));
            lines.Add(BulkExportCheck.Evaluate(capabilities, ehrOptions, target.Name));
        }
        else
        {
            lines.Add(new(CheckStatus.Fail, CheckNames.FhirVersion, "unknown: no CapabilityStatement was read (see above); the searches, transaction and write support could not be checked"));
        }

        lines.Add(WriteScopes(target));
        var report = new GoLiveReport(EhrBaseUrl.Display(target.BaseUrl), target.Name, lines);
        var passed = lines.Count(l => l.Status == CheckStatus.Pass);
        var warned = lines.Count(l => l.Status == CheckStatus.Warn);
        LogChecked(logger, target.Name, passed, warned, lines.Count - passed - warned);
        return report;
    }

    /// <summary>GET metadata. Returns the statement, and an authentication verdict when this request already settles it.</summary>
    private async Task<(CapabilityStatement? Capabilities, CheckLine? Authentication)> ReadCapabilitiesAsync(
        FhirClient client, EhrTarget target, List<CheckLine> lines, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var capabilities = await client.CapabilitiesAsync(cancellationToken);
            lines.Add(new(CheckStatus.Pass, CheckNames.Reachable, $"GET metadata answered in {Answered(client, started)}"));
            return (capabilities, null);
        }
        catch (EhrAuthenticationException ex)
        {
            lines.Add(new(CheckStatus.Warn, CheckNames.Reachable, "not tested: no access token could be obtained (see authentication)"));
            return (null, new(CheckStatus.Fail, CheckNames.Authentication, $"{ex.Message} {AuthAdvice(target)}"));
        }
        catch (FhirServerException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            lines.Add(new(CheckStatus.Pass, CheckNames.Reachable, $"GET metadata answered HTTP {(int)ex.StatusCode} in {Answered(client, started)}"));
            return (null, Refused(ex.StatusCode, "GET metadata", target));
        }
        catch (FhirServerException ex)
        {
            lines.Add(new(CheckStatus.Fail, CheckNames.Reachable, $"{ex.Message} Check that --source is the FHIR R4 base URL (the one whose /metadata is the CapabilityStatement)."));
            return (null, null);
        }
        catch (FhirProtocolException ex)
        {
            lines.Add(new(CheckStatus.Fail, CheckNames.Reachable, $"the server answered, but not with a CapabilityStatement ({ex.Message}): check that --source is the FHIR R4 base URL"));
            return (null, null);
        }
        catch (FhirUnavailableException ex)
        {
            lines.Add(new(CheckStatus.Fail, CheckNames.Reachable, Unreachable(ex, Milliseconds(started))));
            return (null, new(CheckStatus.Fail, CheckNames.Authentication, "not tested: the server is not reachable"));
        }
    }

    /// <summary>One authenticated read: the first page of <c>Patient?_count=1</c>, at most one resource taken.</summary>
    private static async Task<CheckLine> AuthenticateAsync(FhirClient client, EhrTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in client.SearchAsync("Patient", [new("_count", "1")], cancellationToken))
            {
                break;
            }

            var how = target.Options.Auth.Mode switch
            {
                EhrAuthMode.Bearer => "the bearer token was accepted",
                EhrAuthMode.SmartBackendServices => "a SMART access token was obtained and accepted",
                _ => "no authentication (loopback)",
            };
            return new(CheckStatus.Pass, CheckNames.Authentication, $"{how}; a Patient search succeeded");
        }
        catch (EhrAuthenticationException ex)
        {
            return new(CheckStatus.Fail, CheckNames.Authentication, $"{ex.Message} {AuthAdvice(target)}");
        }
        catch (FhirServerException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return Refused(ex.StatusCode, "a Patient search", target);
        }
        catch (FhirEhrException ex)
        {
            return new(CheckStatus.Fail, CheckNames.Authentication, $"a Patient search failed: {ex.Message}");
        }
    }

    private static CheckLine Refused(HttpStatusCode status, string what, EhrTarget target)
    {
        var section = $"Ehrs:{target.Name}:Auth";
        var detail = (status, target.Options.Auth.Mode) switch
        {
            (HttpStatusCode.Unauthorized, EhrAuthMode.None) => $"the server requires authentication (HTTP 401 on {what}): configure Ehrs:<name> with BaseUrl and Auth (Bearer or SmartBackendServices)",
            (HttpStatusCode.Unauthorized, _) => $"the server refused the access token (HTTP 401 on {what}): {AuthAdvice(target)}",
            _ => $"the server forbids {what} (HTTP 403): grant the adapter's client read access (system/Patient.read and the scopes in {section}:Scopes)",
        };
        return new(CheckStatus.Fail, CheckNames.Authentication, detail);
    }

    private static string AuthAdvice(EhrTarget target)
    {
        var section = $"Ehrs:{target.Name}:Auth";
        return target.Options.Auth.Mode switch
        {
            EhrAuthMode.Bearer => $"Check the token that {section}:BearerTokenEnvironmentVariable or {section}:BearerTokenFile names (expired, revoked, or for another server?).",
            EhrAuthMode.SmartBackendServices => $"Check {section}:ClientId, KeyId and the private key against the client registered with the EHR, and the token endpoint.",
            _ => $"Configure {section}.",
        };
    }

    private static CheckLine WriteScopes(EhrTarget target)
    {
        var auth = target.Options.Auth;
        switch (auth.Mode)
        {
            case EhrAuthMode.None:
                return new(CheckStatus.Pass, CheckNames.WriteScopes, "no authentication: nothing to grant (loopback test server)");
            case EhrAuthMode.Bearer:
                return new(CheckStatus.Warn, CheckNames.WriteScopes, "unknown for a static bearer token: make sure it may write Observation and Provenance (system/Observation.write, system/Provenance.write)");
            default:
                var requested = (auth.Scopes ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var missing = WrittenTypes.Where(type => !requested.Any(s => GrantsWrite(s, type))).ToList();
                return missing.Count > 0
                    ? new(CheckStatus.Fail, CheckNames.WriteScopes, $"Ehrs:{target.Name}:Auth:Scopes asks for no write scope on {string.Join(" and ", missing)}: add system/{missing[0]}.write")
                    : new(CheckStatus.Warn, CheckNames.WriteScopes, "write scopes are requested, but the granted scopes are not visible to this check: confirm with the EHR's administrator that system/Observation.write and system/Provenance.write are granted to the client");
        }
    }

    /// <summary>SMART v1 (<c>system/Observation.write</c>, <c>.*</c>) and v2 (<c>system/Observation.cu</c>) scopes that allow a conditional update or create.</summary>
    private static bool GrantsWrite(string scope, string type)
    {
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        var dot = scope.LastIndexOf('.');
        if (slash < 0 || dot < slash)
        {
            return false;
        }

        var resource = scope[(slash + 1)..dot];
        var access = scope[(dot + 1)..];
        return (resource == type || resource == "*")
            && (access is "write" or "*" || (access.Contains('c', StringComparison.Ordinal) && access.Contains('u', StringComparison.Ordinal)));
    }

    /// <summary>
    /// The round trip on the wire (what the request log shows), and the whole call when sign-in, retries or reading the
    /// statement made it much longer: a first call also pays for loading the FHIR model, which is not the EHR's latency.
    /// </summary>
    private string Answered(FhirClient client, long started)
    {
        var total = Milliseconds(started);
        return client.Counter.LastAnsweredIn is { } wire
            ? string.Create(CultureInfo.InvariantCulture, $"{wire.TotalMilliseconds:0} ms ({total} ms in all, with sign-in and reading the statement)")
            : $"{total} ms";
    }

    private static string Unreachable(FhirUnavailableException ex, string elapsedMs) =>
        ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } http
            && http.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused }
            ? $"connection refused after {elapsedMs} ms: nothing listens at that host and port; check the URL's port and that the FHIR server runs"
            : $"no answer after {elapsedMs} ms ({ex.Message}): check the URL, DNS, firewall and proxy between this host and the EHR";

    private string Milliseconds(long started) =>
        timeProvider.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Go-live check of EHR {Ehr}: {Passed} pass, {Warned} warn, {Failed} fail")]
    private static partial void LogChecked(ILogger logger, string ehr, int passed, int warned, int failed);
}
