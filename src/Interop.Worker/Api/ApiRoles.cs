namespace Interop.Worker.Api;

/// <summary>The API's roles and the authorization policies of the same names.</summary>
internal static class ApiRoles
{
    /// <summary>Read subjects, the cohort summary, runs, CDS Hooks and the OpenAPI document.</summary>
    public const string Read = "read";

    /// <summary>Everything of read, and trigger a sync.</summary>
    public const string Operate = "operate";

    public static bool IsRole(string? value) => value is Read or Operate;
}
