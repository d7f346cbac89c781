using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Store.Tests;

public sealed class StoreOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreSqliteWithDefaultFile()
    {
        var options = new StoreOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(StoreProvider.Sqlite, options.ProviderKind);
        Assert.Equal("Data Source=interop-state.db", options.EffectiveConnectionString);
    }

    [Theory]
    [InlineData("Oracle", null, "Store:Provider")]
    [InlineData("1", null, "Store:Provider")]
    [InlineData("PostgreSql", null, "Store:ConnectionString must be set")]
    [InlineData("PostgreSql", "Host=db;Database=interop;Username=interop;Password=secret", "Store:ConnectionString must not hold a password")]
    [InlineData("postgresql", "Host=db;Database=interop;PWD=secret", "Store:ConnectionString must not hold a password")]
    [InlineData("Sqlite", "Mode=Memory", "Store:ConnectionString must name a file")]
    [InlineData("Sqlite", "Data Source='unterminated", "Store:ConnectionString is not a valid")]
    public void Validate_BadSetting_NamesIt(string provider, string? connectionString, string expected)
    {
        var errors = new StoreOptions { Provider = provider, ConnectionString = connectionString }.Validate();

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PostgreSqlWithoutPassword_IsValid()
    {
        var options = new StoreOptions { Provider = "PostgreSql", ConnectionString = "Host=db;Database=interop;Username=interop" };

        Assert.Empty(options.Validate());
        Assert.Equal(StoreProvider.PostgreSql, options.ProviderKind);
    }

    [Fact]
    public void AddInteropStore_ValidConfiguration_ResolvesStoreWithBoundOptions()
    {
        using var services = Build(new() { ["Store:Provider"] = "sqlite", ["Store:ConnectionString"] = "Data Source=x.db" });

        var options = services.GetRequiredService<IOptions<StoreOptions>>().Value;

        Assert.Equal(("sqlite", "Data Source=x.db"), (options.Provider, options.ConnectionString));
        Assert.NotNull(services.GetRequiredService<StateStore>());
    }

    [Fact]
    public void AddInteropStore_EmptySection_UsesSqliteDefault()
    {
        using var services = Build([]);

        Assert.Equal(StoreOptions.DefaultSqliteConnectionString, services.GetRequiredService<IOptions<StoreOptions>>().Value.EffectiveConnectionString);
    }

    [Fact]
    public void AddInteropStore_UnknownKeyAndBadProvider_FailsNamingBoth()
    {
        using var services = Build(new() { ["Store:Provider"] = "Mongo", ["Store:Pasword"] = "x" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StoreOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.StartsWith("Store:Pasword is not a known setting", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Store:Provider 'Mongo'", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddInteropStore(configuration).BuildServiceProvider();
    }
}
