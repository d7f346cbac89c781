using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Worker.Health;

/// <summary>The health body: the overall status and each check's name, status and short description (no exception text).</summary>
internal static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthBody(
            report.Status.ToString(),
            [.. report.Entries.Select(e => new HealthEntry(e.Key, e.Value.Status.ToString(), e.Value.Description))]);
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}

/// <summary>The <c>/health/*</c> response body.</summary>
internal sealed record HealthBody(string Status, IReadOnlyList<HealthEntry> Checks);

/// <summary>One check in <see cref="HealthBody"/>.</summary>
internal sealed record HealthEntry(string Name, string Status, string? Description);
