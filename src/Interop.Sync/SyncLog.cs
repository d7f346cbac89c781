using Microsoft.Extensions.Logging;

namespace Interop.Sync;

/// <summary>Sync log events: counts and statuses only, never patient data.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Sync started (dry run: {DryRun})")]
    public static partial void RunStarted(ILogger logger, bool dryRun);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning,
        Message = "Rule options differ from the defaults of rule set {RuleSetVersion} ({ChangedSettings}) while the label is unchanged: outcomes carry fingerprint {Fingerprint}; change Rules:RuleSetVersion with them")]
    public static partial void RuleSetChanged(ILogger logger, string ruleSetVersion, string changedSettings, string fingerprint);

    /// <summary>Warns at the start of a run whose options differ from the defaults of their version label.</summary>
    public static void RuleSetChangedIfSo(ILogger logger, RuleSetIdentity ruleSet)
    {
        if (ruleSet.DiffersFromDefaults)
        {
            RuleSetChanged(logger, ruleSet.Version, string.Join(", ", ruleSet.ChangedSettings), ruleSet.Fingerprint);
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Sync finished: {Resources} resources read, {Screened} patients screened, {Evaluated} evaluated, {Withheld} withheld, {Quarantined} records quarantined, {Warnings} warnings, exit code {ExitCode}")]
    public static partial void RunFinished(ILogger logger, int resources, int screened, int evaluated, int withheld, int quarantined, int warnings, int exitCode);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Configuration rejected: {Problem}")]
    public static partial void ConfigurationRejected(ILogger logger, string problem);

    // The exception's message is left out on purpose: framework messages can quote the value that failed.
    [LoggerMessage(EventId = 103, Level = LogLevel.Critical, Message = "Sync failed with {ExceptionType} at {StackTrace}")]
    public static partial void RunFailed(ILogger logger, string exceptionType, string? stackTrace);

    // The reason names the profile, the issue code and the element path; never the validator's message, which can quote values.
    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "{ResourceType} failed validation, patient withheld: {Reason}")]
    public static partial void OutcomeInvalid(ILogger logger, string? resourceType, string reason);
}
