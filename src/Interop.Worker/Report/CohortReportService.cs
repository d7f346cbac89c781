using Interop.Client.Contracts;
using Interop.Domain.Cohort;
using Interop.Store;
using Interop.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Report;

/// <summary>
/// The cohort report over one target's subject statuses (an EHR's configured name, or <c>file</c>), at a data cut-off.
/// Targets are never merged: the same patients synced from a file and from a live EHR would count twice.
/// </summary>
internal sealed class CohortReportService(StateStore store, IOptions<CohortReportOptions> options, IOptions<InteropOptions> interop)
    : ITrialSummarySource
{
    private const int PageSize = 500;

    /// <summary>
    /// The report of <paramref name="target"/> (null: the only target recorded) at <paramref name="asOf"/> (default,
    /// and at most: the latest as-of date one of its subjects was recorded at, in the site's zone).
    /// </summary>
    public async Task<CohortReportAnswer> BuildAsync(string? target, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var targets = await store.ListSubjectEhrNamesAsync(cancellationToken);
        CohortTargetStatus? refusal = targets.Count == 0 ? CohortTargetStatus.NothingRecorded
            : target is null && targets.Count > 1 ? CohortTargetStatus.TargetRequired
            : target is not null && !targets.Contains(target, StringComparer.Ordinal) ? CohortTargetStatus.UnknownTarget
            : null;
        if (refusal is { } status)
        {
            return new CohortReportAnswer(status, null, targets);
        }

        var chosen = target ?? targets[0];
        var statuses = await ReadAllAsync(chosen, cancellationToken);
        var zone = interop.Value.TimeZone();
        var runDates = statuses.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.AsOf, zone).DateTime)).ToList();
        var latest = runDates.Max();
        var cutOff = asOf is { } requested && requested < latest ? requested : latest;
        var subjects = statuses.Select((s, i) => SubjectStatusCohortMapping.From(s, runDates[i], cutOff)).ToList();
        var result = new CohortReportResult(cutOff, chosen, CohortReportBuilder.Build(subjects, options.Value));
        return new CohortReportAnswer(CohortTargetStatus.Reported, result, targets);
    }

    /// <inheritdoc/>
    public async Task<TrialSummaryAnswer> GetSummaryAsync(string? target, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var answer = await BuildAsync(target, asOf, cancellationToken);
        return new TrialSummaryAnswer(answer.Status, answer.Result is { } result ? TrialSummaryMapping.From(result) : null, answer.Targets);
    }

    private async Task<List<SubjectStatus>> ReadAllAsync(string target, CancellationToken cancellationToken)
    {
        var all = new List<SubjectStatus>();
        while (true)
        {
            var page = await store.ListSubjectStatusesAsync(new SubjectStatusQuery(EhrName: target, Skip: all.Count, Take: PageSize), cancellationToken);
            all.AddRange(page.Items);
            if (page.Items.Count == 0 || all.Count >= page.Total)
            {
                return all;
            }
        }
    }
}

/// <summary>A cohort report, the data cut-off it is at and the one target it covers.</summary>
internal sealed record CohortReportResult(DateOnly AsOf, string Target, CohortReport Report);

/// <summary>A cohort report request's answer: the report when <see cref="Status"/> is Reported, and the targets recorded.</summary>
internal sealed record CohortReportAnswer(CohortTargetStatus Status, CohortReportResult? Result, IReadOnlyList<string> Targets);
