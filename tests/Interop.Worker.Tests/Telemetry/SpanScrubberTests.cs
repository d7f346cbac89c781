using System.Collections.Concurrent;
using System.Diagnostics;
using Interop.Worker.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Interop.Worker.Tests.Telemetry;

/// <summary>HTTP server spans are named by route template and carry neither the path nor the query string.</summary>
public sealed class SpanScrubberTests
{
    private const string PatientId = "pat-7f3a9c41";
    private const string QueryValue = "Jansen";

    [Fact]
    public async Task AspNetCoreSpan_RequestWithPatientIdAndQuery_HasRouteTemplateAndNoPathOrQuery()
    {
        var spans = new ConcurrentQueue<Activity>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:Exporter"] = "console" });
        builder.Services.AddInteropTelemetry(builder.Configuration);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Capture(spans)));
        await using var app = builder.Build();
        app.MapGet("/api/v1/subjects/{patientId}", (string patientId) => Results.Ok());
        await app.StartAsync();

        using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) })
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/subjects/{PatientId}?name={QueryValue}", UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode);
        }

        await app.StopAsync();
        var span = Assert.Single(spans, s => s.DisplayName == "GET /api/v1/subjects/{patientId}");
        Assert.Equal("/api/v1/subjects/{patientId}", span.GetTagItem("http.route"));
        foreach (var tag in SpanScrubber.RemovedTags)
        {
            Assert.Null(span.GetTagItem(tag));
        }

        Assert.All(spans, s =>
        {
            Assert.DoesNotContain(PatientId, s.DisplayName, StringComparison.Ordinal);
            Assert.All(s.TagObjects, t => Assert.DoesNotContain(PatientId, t.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
            Assert.All(s.TagObjects, t => Assert.DoesNotContain(QueryValue, t.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
        });
    }

    private sealed class Capture(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}
