using Interop.Worker.Dashboard;

namespace Interop.Worker.Api;

/// <summary>
/// The HTTP API's settings (section <c>Api</c>): where it listens and who may call it. API keys are configured by
/// the SHA-256 of the key, never the key itself; JWT bearer tokens come from the hospital's identity provider.
/// With neither configured, every API and CDS Hooks request is refused (only health endpoints answer).
/// </summary>
internal sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The addresses to listen on, separated by <c>;</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>API keys by name (the name appears in logs as the caller; the key does not).</summary>
    public Dictionary<string, ApiKeyOptions> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>JWT bearer authentication; null when not configured.</summary>
    public ApiJwtOptions? Jwt { get; set; }

    /// <summary>The browser dashboard served at <c>/</c>.</summary>
    public DashboardOptions Dashboard { get; set; } = new();

    /// <summary>
    /// Whether <paramref name="url"/> is plain http on an address that is not loopback (a host name other than
    /// <c>localhost</c>, a network address, or all interfaces): accepted, but warned about at start.
    /// </summary>
    public static bool IsPlainHttpOffThisMachine(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback;

    /// <summary>The option errors, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var urls = Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            errors.Add($"{SectionName}:{nameof(Urls)} is empty");
        }

        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{SectionName}:{nameof(Urls)} '{url}' is not an absolute http or https URL");
            }
        }

        foreach (var (name, key) in Keys)
        {
            errors.AddRange(key.Validate($"{SectionName}:{nameof(Keys)}:{name}"));
        }

        var duplicates = Keys.Where(k => k.Value.Sha256 is not null)
            .GroupBy(k => k.Value.Sha256!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            errors.Add($"{SectionName}:{nameof(Keys)}: {string.Join(", ", duplicate.Select(k => k.Key))} have the same Sha256");
        }

        if (Jwt is not null)
        {
            errors.AddRange(Jwt.Validate($"{SectionName}:{nameof(Jwt)}"));
        }

        errors.AddRange(Dashboard.Validate($"{SectionName}:{nameof(Dashboard)}", Jwt));

        return errors;
    }
}

/// <summary>One API key (<c>Api:Keys:&lt;name&gt;</c>).</summary>
internal sealed class ApiKeyOptions
{
    /// <summary><c>read</c> or <c>operate</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The lower- or upper-case hex SHA-256 of the key's UTF-8 bytes (64 characters).</summary>
    public string? Sha256 { get; set; }

    public IEnumerable<string> Validate(string path)
    {
        if (!ApiRoles.IsRole(Role))
        {
            yield return $"{path}:{nameof(Role)} must be '{ApiRoles.Read}' or '{ApiRoles.Operate}'";
        }

        if (Sha256 is null || Sha256.Length != 64 || !Sha256.All(char.IsAsciiHexDigit))
        {
            yield return $"{path}:{nameof(Sha256)} must be the SHA-256 of the key as 64 hex characters (never the key itself)";
        }
    }
}

/// <summary>JWT bearer tokens (<c>Api:Jwt</c>): the identity provider, the audience, and which role values mean read and operate.</summary>
internal sealed class ApiJwtOptions
{
    /// <summary>
    /// The issuer's base URL (https; plain http only on a loopback address, for a provider on this machine); its OpenID
    /// Connect metadata gives the signing keys, and the dashboard's sign-in endpoints when <c>Api:Dashboard:Oidc</c> is set.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The audience the tokens must be issued for.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim carrying the caller's roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The role value that grants read.</summary>
    public string ReadRole { get; set; } = ApiRoles.Read;

    /// <summary>The role value that grants operate (and read).</summary>
    public string OperateRole { get; set; } = ApiRoles.Operate;

    public IEnumerable<string> Validate(string path)
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && ApiJwtRoles.RequiresHttpsMetadata(Authority)))
        {
            yield return $"{path}:{nameof(Authority)} must be an absolute https URL (plain http only on a loopback address)";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{path}:{nameof(Audience)} is required";
        }

        foreach (var (name, value) in new[] { (nameof(RoleClaim), RoleClaim), (nameof(ReadRole), ReadRole), (nameof(OperateRole), OperateRole) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{path}:{name} is empty";
            }
        }
    }
}
