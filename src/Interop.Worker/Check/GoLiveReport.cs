using System.Text.Json.Serialization;

namespace Interop.Worker.Check;

/// <summary>The verdict of one go-live check.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    /// <summary>Ready.</summary>
    [JsonStringEnumMemberName("PASS")]
    Pass,

    /// <summary>A sync can run, but something should be looked at.</summary>
    [JsonStringEnumMemberName("WARN")]
    Warn,

    /// <summary>A sync cannot run until this is fixed.</summary>
    [JsonStringEnumMemberName("FAIL")]
    Fail,
}

/// <summary>One line of the go-live report: what was checked, and what was found or what to do.</summary>
public sealed record CheckLine(CheckStatus Status, string Check, string Detail);

/// <summary>The go-live report of one EHR (<c>check --source &lt;url&gt;</c>). No token, query string or patient data.</summary>
public sealed record GoLiveReport(string Source, string Ehr, IReadOnlyList<CheckLine> Checks)
{
    /// <summary>True when no check failed: a sync can run.</summary>
    public bool CanSync => Checks.All(c => c.Status != CheckStatus.Fail);
}
