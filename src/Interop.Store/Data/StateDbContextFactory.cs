using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Interop.Store.Data;

/// <summary>
/// Creates the provider's context; the options are built once (EF caches its services by them). The model is the generated
/// compiled model (README.md, "Compiled models"), not built from <c>OnModelCreating</c> at start; migrations still use that.
/// </summary>
internal sealed class StateDbContextFactory : IDbContextFactory<StateDbContext>
{
    private readonly Func<StateDbContext> _create;

    public StateDbContextFactory(StoreOptions options)
    {
        var connectionString = options.EffectiveConnectionString;
        Provider = options.ProviderKind;
        ConnectionString = connectionString;
        if (Provider == StoreProvider.PostgreSql)
        {
            var built = new DbContextOptionsBuilder<PostgreSqlStateDbContext>()
                .UseNpgsql(connectionString)
                .UseModel(CompiledModels.PostgreSql.PostgreSqlStateDbContextModel.Instance)
                .Options;
            _create = () => new PostgreSqlStateDbContext(built);
        }
        else
        {
            var built = new DbContextOptionsBuilder<SqliteStateDbContext>()
                .UseSqlite(connectionString)
                .UseModel(CompiledModels.Sqlite.SqliteStateDbContextModel.Instance)
                .Options;
            _create = () => new SqliteStateDbContext(built);
        }
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    public StateDbContext CreateDbContext() => _create();
}

/// <summary>For <c>dotnet ef migrations add --context SqliteStateDbContext</c>; never connects.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStateDbContext>
{
    public SqliteStateDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStateDbContext>().UseSqlite(StoreOptions.DefaultSqliteConnectionString).Options);
}

/// <summary>For <c>dotnet ef migrations add --context PostgreSqlStateDbContext</c>; never connects.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlStateDbContext>
{
    public PostgreSqlStateDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlStateDbContext>().UseNpgsql("Host=localhost;Database=interop").Options);
}
