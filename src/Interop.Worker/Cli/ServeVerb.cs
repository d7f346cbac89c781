using Interop.Worker.Api;
using Interop.Worker.Configuration;
using Interop.Worker.Dashboard;
using Interop.Worker.Health;
using Interop.Worker.Report;
using Interop.Worker.Serve;
using Interop.Worker.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Cli;

/// <summary>
/// <c>serve</c>: one web application with the verbs' shared services, the schedule, the API and CDS Hooks. Settings are
/// validated before it listens; exit 0 after a graceful stop, 2 for bad configuration.
/// </summary>
internal static class ServeVerb
{
    public static async Task<int> RunAsync(TextWriter error, HostCustomization? customize, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        var configuration = InteropHost.Configure(builder, [], customize, adHocEhr: null);
        ServeServices.Add(builder.Services, builder.Configuration);
        builder.Services.AddInteropApi(builder.Configuration);
        builder.Services.AddInteropDashboard();
        customize?.Services?.Invoke(builder.Services);
        WebApplication? app = null;
        try
        {
            // Building resolves the host's options (the shutdown timeout comes from Schedule): sections and settings are checked first.
            configuration.ThrowIfInvalid();
            app = builder.Build();
            InteropHost.ValidateOptions(app.Services);
            ServeServices.ValidateOptions(app.Services);
            ReportServices.ValidateOptions(app.Services);
            _ = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await DisposeAsync(app);
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync($"configuration error: {failure}");
            }

            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is ConfigurationException or InvalidOperationException)
        {
            // The binder's message names the unknown key and the options class: settings, not patient data.
            await DisposeAsync(app);
            await error.WriteLineAsync($"configuration error: {ex.Message}");
            return ExitCodes.Usage;
        }

        // The store is migrated by the scheduler's start, which runs before the server takes requests.
        await using var running = app;
        app.UseDashboardSecurityHeaders();
        app.UseInteropApi();
        app.MapInteropDashboard();
        app.MapInteropHealth();
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private static async Task DisposeAsync(WebApplication? app)
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
