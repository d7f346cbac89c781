using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>The EHR's Bulk Data export job in progress (kicked off, not yet read to the end), with the files already staged; null when none.</summary>
    public async Task<BulkExportJob?> GetBulkExportJobAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.BulkExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.EhrName == ehrName, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var files = await db.BulkExportFiles.AsNoTracking().Where(f => f.EhrName == ehrName).ToDictionaryAsync(f => f.Url, f => f.FileName, StringComparer.Ordinal, cancellationToken);
        return new BulkExportJob(
            ehrName, new Uri(job.StatusUrl), job.Folder, job.Shape, job.KickedOffAt, job.SinceSent,
            job.TypesByRest.Split(' ', StringSplitOptions.RemoveEmptyEntries), files);
    }

    /// <summary>Saves a newly kicked-off job, replacing the EHR's previous one and its file list.</summary>
    public async Task SaveBulkExportJobAsync(BulkExportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        RequireName(job.EhrName, nameof(job));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.BulkExportFiles.Where(f => f.EhrName == job.EhrName).ExecuteDeleteAsync(cancellationToken);
        await db.BulkExportJobs.Where(j => j.EhrName == job.EhrName).ExecuteDeleteAsync(cancellationToken);
        db.BulkExportJobs.Add(new BulkExportJobRow
        {
            EhrName = job.EhrName,
            StatusUrl = job.StatusUrl.AbsoluteUri,
            Folder = job.Folder,
            Shape = job.Shape,
            KickedOffAt = Utc(job.KickedOffAt),
            SinceSent = job.SinceSent,
            TypesByRest = string.Join(' ', job.TypesByRest),
        });
        db.BulkExportFiles.AddRange(job.Fetched.Select(f => new BulkExportFileRow { EhrName = job.EhrName, Url = f.Key, FileName = f.Value, FetchedAt = Now() }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records that the file at <paramref name="url"/> of the EHR's job is staged whole as <paramref name="fileName"/>.</summary>
    public async Task MarkBulkExportFileFetchedAsync(string ehrName, Uri url, string fileName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        ArgumentNullException.ThrowIfNull(url);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.BulkExportFiles.SingleOrDefaultAsync(f => f.EhrName == ehrName && f.Url == url.AbsoluteUri, cancellationToken);
        if (row is null)
        {
            db.BulkExportFiles.Add(new BulkExportFileRow { EhrName = ehrName, Url = url.AbsoluteUri, FileName = fileName, FetchedAt = Now() });
        }
        else
        {
            row.FileName = fileName;
            row.FetchedAt = Now();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Forgets the EHR's export job and its file list.</summary>
    public async Task ClearBulkExportJobAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.BulkExportFiles.Where(f => f.EhrName == ehrName).ExecuteDeleteAsync(cancellationToken);
        await db.BulkExportJobs.Where(j => j.EhrName == ehrName).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>A Bulk Data export job kept so that a crashed or restarted run resumes it (no patient data: URLs of the server's job, a folder, types).</summary>
/// <param name="EhrName">The EHR's configured name.</param>
/// <param name="StatusUrl">The job's status URL.</param>
/// <param name="Folder">Its staging folder.</param>
/// <param name="Shape">The request's shape (types and filters): resumed only for the same request.</param>
/// <param name="KickedOffAt">When it was kicked off.</param>
/// <param name="SinceSent">Whether it was incremental.</param>
/// <param name="TypesByRest">Types the server does not export.</param>
/// <param name="Fetched">Files staged whole: URL to file name.</param>
public sealed record BulkExportJob(
    string EhrName, Uri StatusUrl, string Folder, string Shape, DateTimeOffset KickedOffAt, bool SinceSent,
    IReadOnlyList<string> TypesByRest, IReadOnlyDictionary<string, string> Fetched);
