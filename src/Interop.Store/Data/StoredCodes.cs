using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Interop.Store.Data;

/// <summary>Enums are stored as stable lower-case codes, not as names or numbers that a refactor could change.</summary>
internal static class StoredCodes
{
    public static readonly ValueConverter<OutcomeStatus, string> OutcomeStatus = new(
        v => v == Store.OutcomeStatus.Final ? "final" : v == Store.OutcomeStatus.Amended ? "amended" : "entered-in-error",
        v => v == "final" ? Store.OutcomeStatus.Final : v == "amended" ? Store.OutcomeStatus.Amended : Store.OutcomeStatus.EnteredInError);

    public static readonly ValueConverter<SyncRunMode, string> RunMode = new(
        v => v == SyncRunMode.File ? "file" : v == SyncRunMode.Live ? "live" : "dry-run",
        v => v == "file" ? SyncRunMode.File : v == "live" ? SyncRunMode.Live : SyncRunMode.DryRun);

    public static readonly ValueConverter<SyncRunStatus, string> RunStatus = new(
        v => v == SyncRunStatus.Running ? "running" : v == SyncRunStatus.Completed ? "completed" : v == SyncRunStatus.Abandoned ? "abandoned" : "failed",
        v => v == "running" ? SyncRunStatus.Running : v == "completed" ? SyncRunStatus.Completed : v == "abandoned" ? SyncRunStatus.Abandoned : SyncRunStatus.Failed);
}

/// <summary>An instant as its UTC ticks: exact (100 ns) and monotonic, so SQL comparisons and ORDER BY hold.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
