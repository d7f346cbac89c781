using Interop.Store;
using Interop.Testing;
using Interop.Worker.Api;
using Interop.Worker.Dashboard;

namespace Interop.Worker.Tests.Dashboard;

public sealed class DashboardOptionsTests
{
    [Theory]
    [InlineData("00:04:59", false)]
    [InlineData("00:05:00", true)]
    [InlineData("7.00:00:00", true)]
    [InlineData("7.00:00:01", false)]
    public void Validate_SessionLifetime_FiveMinutesToSevenDays(string lifetime, bool valid)
    {
        var options = new ApiOptions { Dashboard = { SessionLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture) } };

        Assert.Equal(valid, options.Validate().Count == 0);
        Assert.All(options.Validate(), e => Assert.StartsWith("Api:Dashboard:SessionLifetime", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Folder_SqliteStore_IsBesideTheDatabaseAndOwnerOnly()
    {
        using var folder = new TempFolder();
        var store = new StoreOptions { ConnectionString = $"Data Source={folder.Combine("state.db")}" };

        var keys = DashboardKeys.Folder(new DashboardOptions(), store);

        Assert.Equal(folder.Combine(DashboardKeys.DefaultFolderName), keys.FullName);
        Assert.True(keys.Exists);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, keys.UnixFileMode);
        }
    }

    [Fact]
    public void Folder_Configured_IsUsedAsItIs()
    {
        using var folder = new TempFolder();
        var configured = folder.Combine("keys-elsewhere");

        var keys = DashboardKeys.Folder(new DashboardOptions { KeysFolder = configured }, new StoreOptions());

        Assert.Equal(configured, keys.FullName);
    }
}
