using System.Globalization;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Rest;
using Microsoft.Extensions.Logging;

namespace Interop.Ehr.Bulk;

/// <summary>
/// Downloads one manifest file, streamed to <c>name.part</c> and renamed when complete, so a file that is in the folder is
/// whole. Kept as sent: gzip bytes (Content-Encoding gzip, or a gzip file) are staged as <c>*.ndjson.gz</c>, which the NDJSON
/// folder reader decompresses. A body that breaks off is fetched again (Bulk:DownloadAttempts).
/// </summary>
internal sealed class BulkFileDownloader(
    IBulkFileApi withToken, IBulkFileApi withoutToken, EhrConnectionOptions options, string ehr, ILogger logger)
{
    /// <summary>Downloads <paramref name="file"/> into <paramref name="folder"/>; returns the staged file's name.</summary>
    public async Task<string> DownloadAsync(
        BulkFileKind kind, int number, BulkManifestFile file, bool requiresAccessToken, string folder, CancellationToken cancellationToken)
    {
        var path = RequestDescription.Path(file.Url);
        var api = Choose(file.Url, requiresAccessToken, path);
        var stem = StemOf(kind, number, file.Type);
        var part = Path.Combine(folder, stem + ".part");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await api.DownloadAsync(file.Url, cancellationToken);
                await BulkDataClient.ThrowOnErrorAsync(response);
                await using (var target = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                {
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    await body.CopyToAsync(target, cancellationToken);
                }

                var compressed = IsGzip(part);
                var name = stem + (compressed ? ".ndjson.gz" : ".ndjson");
                var staged = Path.Combine(folder, name);
                File.Move(part, staged, overwrite: true);
                var bytes = new FileInfo(staged).Length;
                var note = compressed ? " (gzip)" : string.Empty;
                BulkLog.Downloaded(logger, ehr, kind, number, file.Type, bytes, note);
                return name;
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                File.Delete(part);
                BulkLog.DownloadBroke(logger, ehr, kind, number, ex.GetType().Name, attempt, options.Bulk.DownloadAttempts);
                if (attempt >= options.Bulk.DownloadAttempts)
                {
                    throw new FhirUnavailableException("GET", path, $"The Bulk Data {kind} file {number} could not be downloaded whole after {attempt} attempts.", ex);
                }
            }
        }
    }

    /// <summary>The staged name without extension: output <c>0001.Patient</c>, deleted <c>deleted-0001.Bundle</c>, error <c>error-0001.OperationOutcome</c>.</summary>
    public static string StemOf(BulkFileKind kind, int number, string type)
    {
        var prefix = kind switch
        {
            BulkFileKind.Output => string.Empty,
            BulkFileKind.Deleted => "deleted-",
            _ => "error-",
        };
        var safeType = Hl7.Fhir.Model.ModelInfo.IsKnownResource(type) ? type : "Unknown";
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{number:D4}.{safeType}");
    }

    /// <summary>Credentials go to the EHR's own origin only; a file without token may be elsewhere, over an allowed transport.</summary>
    private IBulkFileApi Choose(Uri url, bool requiresAccessToken, string path)
    {
        if (requiresAccessToken)
        {
            if (!SameOriginHandler.IsSameOrigin(options.BaseUrl!, url))
            {
                throw new FhirProtocolException("GET", path, $"The export manifest asks for the access token on a file at another origin ({url.Scheme}://{url.Authority}); refused, credentials go to the configured server only.", null);
            }

            return withToken;
        }

        if (!options.IsAllowedTransport(url))
        {
            throw new FhirProtocolException("GET", path, "The export manifest lists a file over plain http to a host that is not loopback; refused.", null);
        }

        return withoutToken;
    }

    private static bool IsGzip(string path)
    {
        using var stream = File.OpenRead(path);
        return stream.ReadByte() == 0x1f && stream.ReadByte() == 0x8b;
    }
}
