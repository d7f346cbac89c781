using WireMock.Logging;

namespace Interop.Ehr.Tests.Rest;

internal static class WireMockExtensions
{
    public static string? Header(this ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
