namespace Interop.Worker.Api;

/// <summary>The API's roles and the authorization policies of the same names.</summary>
internal static class ApiRoles
{
    /// <summary>Read subjects, the cohort summary, runs, CDS Hooks and the OpenAPI document.</summary>
    public const string Read = "read";

    /// <summary>Everything of read, and trigger a sync.</summary>
    public const string Operate = "operate";

    /// <summary>A trusted CDS client (a verified CDS Hooks JWT): CDS Hooks only, never the API.</summary>
    public const string CdsClient = "cds-client";

    /// <summary>The policy of the CDS Hooks endpoints: read, operate or a trusted CDS client.</summary>
    public const string CdsHooksPolicy = "cds-hooks";

    /// <summary>Whether <paramref name="value"/> is a role an API key or an identity-provider token can be given.</summary>
    public static bool IsRole(string? value) => value is Read or Operate;
}
