namespace Interop.Ehr.Bulk;

/// <summary>
/// How the adapter runs a FHIR Bulk Data <c>$export</c> against one EHR (<c>Ehrs:&lt;name&gt;:Bulk</c>); used when
/// <c>Ehrs:&lt;name&gt;:Read</c> is <see cref="EhrReadMode.Bulk"/>. Validated on start with the rest of the EHR's settings.
/// </summary>
public sealed class BulkExportOptions
{
    /// <summary>Where the export is kicked off: the whole system, all patients, or one Group (default Patient).</summary>
    public BulkExportLevel Level { get; set; } = BulkExportLevel.Patient;

    /// <summary>The Group's logical id, required when <see cref="Level"/> is <see cref="BulkExportLevel.Group"/>.</summary>
    public string? GroupId { get; set; }

    /// <summary>Wait between status polls when the server sends no Retry-After (default 10 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Shortest wait between polls, whatever Retry-After says (default 1 s).</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between polls, whatever Retry-After says (default 5 min).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an export may stay in progress before the run gives up (default 6 h); the job is kept for the next run.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Files downloaded at the same time (default 4).</summary>
    public int MaxParallelDownloads { get; set; } = 4;

    /// <summary>Attempts per file when the body breaks off mid-download (default 3); each restarts the file.</summary>
    public int DownloadAttempts { get; set; } = 3;

    /// <summary>Whether <c>_since</c> is sent: Auto asks the server's OperationDefinition (default Auto). Unsupported means a full export every run.</summary>
    public BulkFeatureSupport Since { get; set; } = BulkFeatureSupport.Auto;

    /// <summary>Whether <c>_typeFilter</c> is sent: Auto only when the server's OperationDefinition declares it (default Auto).</summary>
    public BulkFeatureSupport TypeFilter { get; set; } = BulkFeatureSupport.Auto;

    /// <summary>Types the server leaves out of its export although its CapabilityStatement does not say so; they are fetched by REST for the candidates.</summary>
    public IList<string> TypesNotExported { get; } = [];

    /// <summary>
    /// Where export files are staged until the run has read them (default <c>bulk-staging</c>, relative to the working
    /// directory, beside the SQLite store): patient data on disk, deleted when the run completes, kept after a crash so the
    /// next run resumes without downloading a file twice. Put it on the same protected volume as the state store.
    /// </summary>
    public string StagingFolder { get; set; } = "bulk-staging";

    /// <summary>Send DELETE to the status URL when the run is stopped (default true); false keeps the job for the next run to resume.</summary>
    public bool CancelOnStop { get; set; } = true;
}

/// <summary>The level at which a Bulk Data export is kicked off.</summary>
public enum BulkExportLevel
{
    /// <summary><c>[base]/$export</c>: everything the client may read.</summary>
    System,

    /// <summary><c>[base]/Patient/$export</c>: the Patient compartments of all patients.</summary>
    Patient,

    /// <summary><c>[base]/Group/{id}/$export</c>: the Patient compartments of one Group's members.</summary>
    Group,
}

/// <summary>Whether an optional export parameter is used.</summary>
public enum BulkFeatureSupport
{
    /// <summary>As the server declares it (CapabilityStatement, OperationDefinition).</summary>
    Auto,

    /// <summary>Used, whatever the server declares.</summary>
    Supported,

    /// <summary>Never used (a vendor that declares it but does not honour it).</summary>
    Unsupported,
}

/// <summary>How <c>sync --source &lt;url&gt;</c> reads an EHR (<c>Ehrs:&lt;name&gt;:Read</c>).</summary>
public enum EhrReadMode
{
    /// <summary>FHIR REST searches per patient (default).</summary>
    Rest,

    /// <summary>A Bulk Data <c>$export</c>, downloaded to a staging folder and read like an export folder.</summary>
    Bulk,
}
