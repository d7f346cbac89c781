using Interop.Testing;

namespace Interop.Worker.Tests.Sync;

/// <summary>The readings a site whose systems send text answers, MRD as text and non-UCUM units turns on (each is off by default).</summary>
internal static class SiteReadings
{
    public static Dictionary<string, string?> All() => new()
    {
        ["Reading:TextAnswers:negative:0"] = "not detected",
        ["Reading:MrdTextValues"] = "true",
        ["Reading:UnitMaps:0"] = RepositoryPaths.SampleUnitMap,
    };
}
