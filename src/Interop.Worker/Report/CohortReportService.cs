using Interop.Client.Contracts;
using Interop.Domain.Cohort;
using Interop.Store;
using Interop.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Report;

/// <summary>The cohort report over every subject status in the state store (all EHRs), at a data cut-off.</summary>
internal sealed class CohortReportService(StateStore store, IOptions<CohortReportOptions> options, IOptions<InteropOptions> interop)
    : ITrialSummarySource
{
    private const int PageSize = 500;

    /// <summary>
    /// The report at <paramref name="asOf"/> (default, and at most: the latest as-of date a subject was recorded at, in
    /// the site's zone), or null when no subject status is recorded.
    /// </summary>
    public async Task<CohortReportResult?> BuildAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        var statuses = await ReadAllAsync(cancellationToken);
        if (statuses.Count == 0)
        {
            return null;
        }

        var zone = interop.Value.TimeZone();
        var runDates = statuses.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.AsOf, zone).DateTime)).ToList();
        var latest = runDates.Max();
        var cutOff = asOf is { } requested && requested < latest ? requested : latest;
        var subjects = statuses.Select((s, i) => SubjectStatusCohortMapping.From(s, runDates[i], cutOff)).ToList();
        return new CohortReportResult(cutOff, CohortReportBuilder.Build(subjects, options.Value));
    }

    /// <inheritdoc/>
    public async Task<TrialSummary?> GetSummaryAsync(DateOnly? asOf, CancellationToken cancellationToken) =>
        await BuildAsync(asOf, cancellationToken) is { } result ? TrialSummaryMapping.From(result) : null;

    private async Task<List<SubjectStatus>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<SubjectStatus>();
        while (true)
        {
            var page = await store.ListSubjectStatusesAsync(new SubjectStatusQuery(Skip: all.Count, Take: PageSize), cancellationToken);
            all.AddRange(page.Items);
            if (page.Items.Count == 0 || all.Count >= page.Total)
            {
                return all;
            }
        }
    }
}

/// <summary>A cohort report and the data cut-off it is at.</summary>
internal sealed record CohortReportResult(DateOnly AsOf, CohortReport Report);
