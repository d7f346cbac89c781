using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>The <c>_lastUpdated</c> the next incremental run of this EHR searches from; null before the first.</summary>
    public async Task<DateTimeOffset?> GetWatermarkAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Watermarks.AsNoTracking().SingleOrDefaultAsync(w => w.EhrName == ehrName, cancellationToken);
        return row?.LastUpdatedHighWater;
    }

    /// <summary>
    /// Moves the EHR's watermark to <paramref name="newValue"/>. Call only after the run's write-back
    /// committed, so a crash re-reads rather than skips. Never moves it back: an older value is ignored
    /// (use <see cref="ResetWatermarkAsync"/> to force a full read).
    /// </summary>
    public async Task AdvanceWatermarkAsync(string ehrName, DateTimeOffset newValue, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        var value = Utc(newValue);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Watermarks.SingleOrDefaultAsync(w => w.EhrName == ehrName, cancellationToken);
        if (row is null)
        {
            db.Watermarks.Add(new EhrWatermarkRow { EhrName = ehrName, LastUpdatedHighWater = value, UpdatedAt = Now() });
        }
        else if (value > row.LastUpdatedHighWater)
        {
            row.LastUpdatedHighWater = value;
            row.UpdatedAt = Now();
        }
        else
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Forgets the EHR's watermark: its next run reads everything again.</summary>
    public async Task ResetWatermarkAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Watermarks.Where(w => w.EhrName == ehrName).ExecuteDeleteAsync(cancellationToken);
    }
}
