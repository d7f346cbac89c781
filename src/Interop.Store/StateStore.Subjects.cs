using System.Text.Json;
using System.Text.Json.Serialization;
using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>
    /// Stores subjects' current status (one row per EHR and patient, replaced on each evaluation), in one
    /// transaction. <see cref="SubjectStatus.UpdatedAt"/> is set by the store.
    /// </summary>
    public async Task UpsertSubjectStatusesAsync(IReadOnlyCollection<SubjectStatus> statuses, CancellationToken cancellationToken)
    {
        if (statuses.Count == 0)
        {
            return;
        }

        var now = Now();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in statuses.GroupBy(s => s.EhrName, StringComparer.Ordinal))
        {
            RequireName(group.Key, nameof(statuses));
            var ids = group.Select(s => s.PatientId).Distinct(StringComparer.Ordinal).ToList();
            var existing = await db.SubjectStatuses
                .Where(s => s.EhrName == group.Key && ids.Contains(s.PatientId))
                .ToDictionaryAsync(s => s.PatientId, StringComparer.Ordinal, cancellationToken);
            foreach (var status in group)
            {
                RequireName(status.PatientId, nameof(statuses));
                if (!existing.TryGetValue(status.PatientId, out var row))
                {
                    row = new SubjectStatusRow { EhrName = status.EhrName, PatientId = status.PatientId, Verdict = status.Verdict, CriteriaJson = "[]" };
                    db.SubjectStatuses.Add(row);
                    existing[status.PatientId] = row;
                }

                Apply(row, status, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A subject's current status on an EHR, or null when never evaluated.</summary>
    public async Task<SubjectStatus?> GetSubjectStatusAsync(string ehrName, string patientId, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.SubjectStatuses.AsNoTracking()
            .SingleOrDefaultAsync(s => s.EhrName == ehrName && s.PatientId == patientId, cancellationToken);
        return row is null ? null : ToSubject(row);
    }

    /// <summary>The EHRs (configured names, or <c>file</c>) with at least one subject status recorded, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> ListSubjectEhrNamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.SubjectStatuses.AsNoTracking().Select(s => s.EhrName).Distinct().ToListAsync(cancellationToken);
        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary>Subjects matching the query's filters, by EHR and patient id.</summary>
    public async Task<StorePage<SubjectStatus>> ListSubjectStatusesAsync(SubjectStatusQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Take);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.SubjectStatuses.AsNoTracking();
        if (query.EhrName is not null)
        {
            rows = rows.Where(s => s.EhrName == query.EhrName);
        }

        if (query.Verdict is not null)
        {
            rows = rows.Where(s => s.Verdict == query.Verdict);
        }

        if (query.ResearchSubjectStatus is not null)
        {
            rows = rows.Where(s => s.ResearchSubjectStatus == query.ResearchSubjectStatus);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(s => s.EhrName).ThenBy(s => s.PatientId)
            .Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new StorePage<SubjectStatus>([.. page.Select(ToSubject)], total, query.Skip, query.Take);
    }

    private static void Apply(SubjectStatusRow row, SubjectStatus s, DateTimeOffset now)
    {
        row.AsOf = Utc(s.AsOf);
        row.Verdict = s.Verdict;
        row.ResearchSubjectStatus = s.ResearchSubjectStatus;
        row.RiskGroup = s.RiskGroup;
        row.CourseState = s.CourseState;
        row.MrdClass = s.MrdClass;
        row.PrimaryEndpoint = s.PrimaryEndpoint;
        row.DfsStatus = s.DfsStatus;
        row.OsStatus = s.OsStatus;
        row.CriteriaJson = JsonSerializer.Serialize(s.Criteria, SubjectJson.Default.IReadOnlyListCriterionStatus);
        row.FollowUpDays = s.Survival?.FollowUpDays;
        row.DfsEventDay = s.Survival?.DfsEventDay;
        row.OsEventDay = s.Survival?.OsEventDay;
        row.CourseInfusionDays = s.CourseInfusionDays;
        row.RelapseSite = s.RelapseSite;
        row.RunId = s.RunId;
        row.UpdatedAt = now;
    }

    private static SubjectStatus ToSubject(SubjectStatusRow r) => new(
        r.EhrName, r.PatientId, r.AsOf, r.Verdict, r.ResearchSubjectStatus, r.RiskGroup, r.CourseState, r.MrdClass,
        r.PrimaryEndpoint, r.DfsStatus, r.OsStatus,
        JsonSerializer.Deserialize(r.CriteriaJson, SubjectJson.Default.IReadOnlyListCriterionStatus) ?? [],
        r.RunId, r.UpdatedAt,
        r.FollowUpDays is { } followUp ? new SurvivalDays(followUp, r.DfsEventDay, r.OsEventDay) : null,
        r.CourseInfusionDays, r.RelapseSite);
}

/// <summary>Criteria are stored as compact JSON: <c>[{"criterionId":..,"status":..,"evidenceIds":[..]}]</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<CriterionStatus>))]
internal sealed partial class SubjectJson : JsonSerializerContext;
