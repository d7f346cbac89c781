using Interop.Store;
using Interop.Worker.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Dashboard;

/// <summary>
/// Keeps the data-protection keys (which encrypt the dashboard's cookies) in a folder beside the state, so that sessions
/// survive a restart: <see cref="DashboardOptions.KeysFolder"/>, by default <c>dashboard-keys</c> beside the SQLite
/// database (docs/adr/0011-dashboard.md says why not in the store itself). The folder is created readable by the
/// service's account only.
/// </summary>
internal static class DashboardKeys
{
    public const string DefaultFolderName = "dashboard-keys";

    public static void Add(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Interop");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ApiOptions>, IOptions<StoreOptions>, ILoggerFactory>(
            (keys, api, store, logs) => keys.XmlRepository = new FileSystemXmlRepository(Folder(api.Value.Dashboard, store.Value), logs));
    }

    /// <summary>The keys folder in effect, created when missing.</summary>
    public static DirectoryInfo Folder(DashboardOptions options, StoreOptions store)
    {
        var path = options.KeysFolder ?? Path.Combine(StateFolder(store), DefaultFolderName);
        var folder = new DirectoryInfo(Path.GetFullPath(path));
        if (folder.Exists)
        {
            return folder;
        }

        try
        {
            return OperatingSystem.IsWindows()
                ? Directory.CreateDirectory(folder.FullName)
                : Directory.CreateDirectory(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Named by the setting that places it: the keys folder when set, else the store it sits beside.
            throw options.KeysFolder is null
                ? new Interop.Store.StoreUnavailableException($"the dashboard's key folder beside the state store could not be created ({ex.GetType().Name})", ex)
                : new Configuration.ConfigurationException($"Api:Dashboard:KeysFolder: the folder could not be created ({ex.GetType().Name}).");
        }
    }

    private static string StateFolder(StoreOptions store)
    {
        if (store.ProviderKind != StoreProvider.Sqlite)
        {
            return ".";
        }

        var file = new SqliteConnectionStringBuilder(store.EffectiveConnectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" ? "." : Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
    }
}
