using Microsoft.Extensions.Logging;

namespace Interop.Worker.Logging;

/// <summary>
/// The framework's loggers that write a request's path or query string (patient ids: <c>/api/v1/subjects/{patientId}</c>,
/// <c>?patient=...</c>), or a request value that failed to bind, are held at a floor that <c>Logging</c> settings cannot
/// lower, whatever the level or provider they name. The adapter logs each request itself, by route template
/// (<c>Api.RequestLog</c>); the EHR client logs its requests without query string or ids.
/// </summary>
internal static class PrivacyLogFloor
{
    /// <summary>Category prefix and the lowest level it may log at.</summary>
    public static readonly IReadOnlyList<(string Category, LogLevel Floor)> Floors =
    [
        // "Request starting HTTP/1.1 GET http://host/api/v1/subjects/p1?ehr=x" and "Request finished ..." (Information).
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning),

        // "No candidates found for the request path '/...'" (Debug).
        ("Microsoft.AspNetCore.Routing", LogLevel.Information),

        // "Failed to bind parameter "string patientId" from "p1"" (Debug).
        ("Microsoft.AspNetCore.Http", LogLevel.Information),

        // A malformed request line, quoted (Debug).
        ("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Information),

        // IHttpClientFactory's default loggers write the full request URI (Information); the host removes them, this holds any that come back.
        ("System.Net.Http.HttpClient", LogLevel.Warning),
    ];

    /// <summary>
    /// Raises every rule under a floored category to its floor and adds the floor for each provider the rules name (and
    /// for none), after all other configuration: a rule naming a provider outranks one that names none, so each needs its own.
    /// </summary>
    public static void Apply(LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.Rules.Select(Raised).ToList();
        var providers = rules.Select(r => r.ProviderName).Append(null).Distinct(StringComparer.Ordinal).ToList();
        options.Rules.Clear();
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }

        foreach (var (category, floor) in Floors)
        {
            foreach (var provider in providers)
            {
                options.Rules.Add(new LoggerFilterRule(provider, category, floor, filter: null));
            }
        }
    }

    private static LoggerFilterRule Raised(LoggerFilterRule rule)
    {
        var floor = Floors.Where(f => rule.CategoryName?.StartsWith(f.Category, StringComparison.OrdinalIgnoreCase) == true).Select(f => f.Floor).DefaultIfEmpty(LogLevel.Trace).Max();
        return rule.LogLevel is { } level && level < floor ? new LoggerFilterRule(rule.ProviderName, rule.CategoryName, floor, rule.Filter) : rule;
    }
}
