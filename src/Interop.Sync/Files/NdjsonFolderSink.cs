using Interop.Ehr.Sinks;
using Interop.Store;
using Interop.Sync.Pipeline;

namespace Interop.Sync.Files;

/// <summary>
/// NDJSON files as the pipeline's sink (file mode): every run writes every valid patient's outcomes afresh, in the order
/// given (byte-identical files for the same input, ADR 0003), and counts them in the run's progress. The files appear
/// whole on completion. With a store and a recorded run, each written patient's trial status is kept once the files are
/// complete. A folder keeps no retry queue: the next run reads the whole source again. A dry run writes nothing.
/// </summary>
internal sealed class NdjsonFolderSink(string? outputFolder, RunProgress progress, StateStore? statusStore) : IOutcomeSink
{
    private readonly NdjsonOutcomeSink? _files = outputFolder is null ? null : new NdjsonOutcomeSink(outputFolder);
    private readonly List<SubjectStatus> _statuses = [];

    public Task<SortedSet<string>> BeginAsync(CandidateSet found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        return Task.FromResult(found.Candidates);
    }

    public async Task WriteAsync(PatientPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // A folder's run evaluates every screened patient it read: there is nothing to retract from files written afresh.
        var outcomes = plan.Outcomes ?? throw new InvalidOperationException("A file run has no outcomes to retract.");
        _statuses.Add(plan.Status!);
        progress.Tally.AddOutcomes(outcomes.Observations.Select(o => o.Code.Coding[0].Code ?? string.Empty));
        if (_files is not null)
        {
            await _files.WriteAsync(outcomes, plan.Json, cancellationToken);
        }
    }

    public Task HoldAsync(string patientId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_files is not null)
        {
            await _files.CompleteAsync(cancellationToken);
        }

        if (statusStore is not null)
        {
            // After the files: the store says what the written outcomes say.
            await statusStore.UpsertSubjectStatusesAsync(_statuses, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_files is not null)
        {
            await _files.DisposeAsync();
        }
    }
}
