using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>
    /// The content hashes of resources that passed validation under <paramref name="profileSetVersion"/> (issue 11): a
    /// resource with one of them need not be validated again. Hashes only: a hash cannot be turned back into content.
    /// </summary>
    public async Task<IReadOnlySet<string>> GetValidatedHashesAsync(string profileSetVersion, CancellationToken cancellationToken)
    {
        RequireName(profileSetVersion, nameof(profileSetVersion));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var hashes = await db.ValidatedContent.AsNoTracking()
            .Where(v => v.ProfileSetVersion == profileSetVersion)
            .Select(v => v.ContentHash)
            .ToListAsync(cancellationToken);
        return hashes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Records resources that passed validation under <paramref name="profileSetVersion"/>, and forgets those of every other
    /// profile set (they can never be hit again). Hashes already recorded are skipped.
    /// </summary>
    public async Task RecordValidatedHashesAsync(string profileSetVersion, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        RequireName(profileSetVersion, nameof(profileSetVersion));
        ArgumentNullException.ThrowIfNull(hashes);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.ValidatedContent.Where(v => v.ProfileSetVersion != profileSetVersion).ExecuteDeleteAsync(cancellationToken);
        if (hashes.Count == 0)
        {
            return;
        }

        var known = (await db.ValidatedContent.AsNoTracking()
            .Where(v => v.ProfileSetVersion == profileSetVersion)
            .Select(v => v.ContentHash)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = Now();
        foreach (var hash in hashes.Distinct(StringComparer.Ordinal).Where(h => !known.Contains(h)))
        {
            db.ValidatedContent.Add(new ValidatedContentRow { ProfileSetVersion = profileSetVersion, ContentHash = hash, ValidatedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
