using System.Security.Claims;

namespace Interop.Worker.Api;

/// <summary>
/// The identity provider's role values (<see cref="ApiJwtOptions.RoleClaim"/>) to the API's roles: one mapping for a
/// bearer token on the API and for an id_token at the dashboard's sign-in.
/// </summary>
internal static class ApiJwtRoles
{
    /// <summary>The API's roles that the principal's role values grant (operate first); empty when none.</summary>
    public static IReadOnlyList<string> Of(ClaimsPrincipal? principal, ApiJwtOptions jwt)
    {
        var values = principal?.FindAll(jwt.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        var roles = new List<string>(2);
        if (values.Contains(jwt.OperateRole))
        {
            roles.Add(ApiRoles.Operate);
        }

        if (values.Contains(jwt.ReadRole))
        {
            roles.Add(ApiRoles.Read);
        }

        return roles;
    }

    /// <summary>
    /// Whether the identity provider's metadata may be read over plain http: only from this machine (a development
    /// provider on a loopback address); anywhere else https is required.
    /// </summary>
    public static bool RequiresHttpsMetadata(string? authority) =>
        !(Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}
