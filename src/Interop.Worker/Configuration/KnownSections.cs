using Interop.Domain.Cohort;
using Interop.Domain.Rules;
using Interop.Ehr.DependencyInjection;
using Interop.Fhir.Mapping;
using Interop.Store;
using Interop.Worker.Api;
using Interop.Worker.CdsHooks.ClientAuthentication;
using Interop.Worker.Health;
using Interop.Worker.Serve;
using Interop.Sync.Lease;
using Interop.Sync.Live;
using Interop.Worker.Telemetry;

namespace Interop.Worker.Configuration;

/// <summary>
/// Every top-level configuration section the adapter reads, with the options type bound from it; any other section in
/// appsettings.json (or an <c>INTEROP_</c> environment variable, or a test's settings) is an error. A new options class
/// adds its section here (a test checks every <c>SectionName</c> is listed).
/// </summary>
internal static class KnownSections
{
    /// <summary>Section name to the type its settings bind to; null for a framework section passed on as it is.</summary>
    public static readonly IReadOnlyDictionary<string, Type?> All = new Dictionary<string, Type?>(StringComparer.OrdinalIgnoreCase)
    {
        [ApiOptions.SectionName] = typeof(ApiOptions),
        [CdsHooksOptions.SectionName] = typeof(CdsHooksOptions),
        [EhrConnectionOptions.SectionName] = typeof(Dictionary<string, EhrConnectionOptions>),
        [HealthOptions.SectionName] = typeof(HealthOptions),
        [InteropOptions.SectionName] = typeof(InteropOptions),
        [ReadingOptions.SectionName] = typeof(ReadingOptions),
        [CohortReportOptions.SectionName] = typeof(CohortReportOptions),
        [TrialRuleOptions.SectionName] = typeof(TrialRuleOptions),
        [RunLeaseOptions.SectionName] = typeof(RunLeaseOptions),
        [ScheduleOptions.SectionName] = typeof(ScheduleOptions),
        [StoreOptions.SectionName] = typeof(StoreOptions),
        [TelemetryOptions.SectionName] = typeof(TelemetryOptions),
        [WriteBackOptions.SectionName] = typeof(WriteBackOptions),

        // Microsoft.Extensions.Logging's levels and filters.
        ["Logging"] = null,

        // ASP.NET Core's server for serve: certificates and endpoints for an https Api:Urls.
        ["Kestrel"] = null,
    };

    /// <summary>The known names, in order, for messages.</summary>
    public static string List() => string.Join(", ", All.Keys.Order(StringComparer.Ordinal));

    public static bool IsKnown(string section) => All.ContainsKey(section);
}
