using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Interop.Store.Tests;

/// <summary>
/// The store runs on the generated compiled models (Data/CompiledModels, src/Interop.Store/README.md, "Compiled models"):
/// each must describe the model that <c>OnModelCreating</c> builds, or a change to the model was not regenerated.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public void CompiledModel_EachProvider_MatchesOnModelCreating(StoreProvider provider)
    {
        var options = new StoreOptions
        {
            Provider = provider.ToString(),
            ConnectionString = provider == StoreProvider.Sqlite ? "Data Source=unused.db" : "Host=127.0.0.1;Database=unused",
        };
        using var context = new StateDbContextFactory(options).CreateDbContext();
        var compiled = context.Model;
        var built = context.GetService<IDesignTimeModel>().Model;

        Assert.IsAssignableFrom<Microsoft.EntityFrameworkCore.Metadata.RuntimeModel>(compiled);
        Assert.NotEmpty(Describe(built));

        // Fails when the model changed and the compiled model was not regenerated (src/Interop.Store/README.md, "Compiled models").
        Assert.Equal(Describe(built), Describe(compiled));
    }

    /// <summary>Every entity's table, keys, indexes and relationships, and every property's type, column and conversion, one line each.</summary>
    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity =>
            entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
                    $"{entity.Name} {entity.GetTableName()}: {p.Name} {p.ClrType.Name} column {p.GetColumnName()} type {p.GetColumnType()} "
                    + $"nullable {p.IsNullable} max {p.GetMaxLength()} generated {p.ValueGenerated} "
                    + $"converter {p.GetValueConverter()?.GetType().Name ?? "-"} provider {p.GetProviderClrType()?.Name ?? "-"}")
                .Concat(entity.GetKeys().Select(k => $"{entity.Name} key {Names(k.Properties)} primary {k.IsPrimaryKey()}"))
                .Concat(entity.GetIndexes().Select(i => $"{entity.Name} index {i.GetDatabaseName()} {Names(i.Properties)} unique {i.IsUnique}"))
                .Concat(entity.GetForeignKeys().Select(f => $"{entity.Name} foreign key {Names(f.Properties)} -> {f.PrincipalEntityType.Name} delete {f.DeleteBehavior}"))
                .Order(StringComparer.Ordinal)),
    ];

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));
}
