using System.Data.Common;

namespace Interop.Store;

/// <summary>The state store's settings (section <c>Store</c>).</summary>
/// <remarks>
/// A PostgreSQL password is never a setting: <see cref="Validate"/> refuses a connection string that
/// carries one. Give it in the <c>PGPASSWORD</c> environment variable (or a <c>.pgpass</c> file named
/// by <c>PGPASSFILE</c>), which Npgsql reads when the connection string has no password.
/// </remarks>
public sealed class StoreOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Store";

    /// <summary>The SQLite connection string used when none is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=interop-state.db";

    /// <summary><c>Sqlite</c> (default, an embedded file) or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = nameof(StoreProvider.Sqlite);

    /// <summary>
    /// The ADO.NET connection string. SQLite: <c>Data Source=&lt;file&gt;</c>, relative to the working
    /// directory (default <see cref="DefaultSqliteConnectionString"/>). PostgreSQL: required, without a password.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The provider, parsed (valid after <see cref="Validate"/>).</summary>
    public StoreProvider ProviderKind =>
        Enum.TryParse<StoreProvider>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException($"{SectionName}:{nameof(Provider)} was not validated");

    /// <summary>The connection string in effect: the configured one, or the SQLite default.</summary>
    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && ProviderKind == StoreProvider.Sqlite
            ? DefaultSqliteConnectionString
            : ConnectionString ?? string.Empty;

    /// <summary>One message per problem, naming the setting; never echoes the connection string.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var known = Enum.TryParse<StoreProvider>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            && !int.TryParse(Provider, out _);
        if (!known)
        {
            errors.Add($"{SectionName}:{nameof(Provider)} '{Provider}' is not a known provider (Sqlite or PostgreSql)");
            return errors;
        }

        if (kind == StoreProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add($"{SectionName}:{nameof(ConnectionString)} must be set for the PostgreSql provider");
            return errors;
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = EffectiveConnectionString;
        }
        catch (ArgumentException)
        {
            errors.Add($"{SectionName}:{nameof(ConnectionString)} is not a valid connection string");
            return errors;
        }

        if (kind == StoreProvider.Sqlite && !builder.ContainsKey("Data Source") && !builder.ContainsKey("DataSource") && !builder.ContainsKey("Filename"))
        {
            errors.Add($"{SectionName}:{nameof(ConnectionString)} must name a file (Data Source=<file>) for the Sqlite provider");
        }

        if (kind == StoreProvider.PostgreSql && (builder.ContainsKey("Password") || builder.ContainsKey("Pwd")))
        {
            errors.Add($"{SectionName}:{nameof(ConnectionString)} must not hold a password: set it in the PGPASSWORD environment variable (or a PGPASSFILE)");
        }

        return errors;
    }
}

/// <summary>The database behind the state store.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    PostgreSql,
}
