using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Worker.Cli;

/// <summary>Prints where <c>serve</c> listens, once the server is bound (a port 0 shows the port it got).</summary>
internal static class ServeAddresses
{
    public static async Task WriteAsync(WebApplication app, TextWriter output)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            await output.WriteLineAsync($"serve: listening on {address} (API /api/v1, health /health/live and /health/ready)");
        }

        await output.FlushAsync();
    }
}
