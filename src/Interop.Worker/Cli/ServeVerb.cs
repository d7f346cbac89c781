using Interop.Worker.Api;
using Interop.Worker.CdsHooks.ClientAuthentication;
using Interop.Worker.Configuration;
using Interop.Worker.Dashboard;
using Interop.Worker.Health;
using Interop.Worker.Report;
using Interop.Worker.Serve;
using Interop.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Cli;

/// <summary>
/// <c>serve</c>: one web application with the verbs' shared services, the schedule, the API and CDS Hooks. Settings are
/// validated before it listens; prints the addresses it listens on; exit 0 after a graceful stop, 2 for bad configuration
/// (a certificate among it), 1 when the port is taken or the store cannot be reached (<see cref="StartFailure"/>).
/// </summary>
internal static class ServeVerb
{
    public static async Task<int> RunAsync(TextWriter output, TextWriter error, HostCustomization? customize, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        var configuration = InteropHost.Configure(builder, [], customize, adHocEhr: null);

        // A failed start is reported as one line below; the host's own error entry would repeat it as a page of stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        ServeServices.Add(builder.Services, builder.Configuration);
        builder.Services.AddInteropApi(builder.Configuration);
        builder.Services.AddInteropDashboard(builder.Configuration);
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
            _ = app.Services.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
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
        try
        {
            // Mapping resolves services (the dashboard's key folder beside the store): a failure here is a start failure too.
            app.UseDashboardSecurityHeaders();
            app.UseInteropApi();
            app.MapInteropDashboard();
            app.MapInteropHealth();
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (StartFailure.Of(ex) is { } failure)
        {
            await error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
#pragma warning disable CA1031 // Whatever else stops the start: one line and exit 1, the trace in the log (no exit 134).
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServeVerb).FullName!);
            var failureType = ex.GetType().FullName ?? ex.GetType().Name;
            var where = ex.StackTrace;
            ServeLog.StartFailed(logger, failureType, where);
            await error.WriteLineAsync($"error: serve could not start ({ex.GetType().Name}); see the log for where.");
            return ExitCodes.Failure;
        }

        await ServeAddresses.WriteAsync(app, output);
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
