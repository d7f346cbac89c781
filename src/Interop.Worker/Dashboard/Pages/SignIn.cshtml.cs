using Interop.Worker.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Dashboard.Pages;

/// <summary>
/// Opens a dashboard session with an API key (checked like <c>X-API-Key</c>, then only the cookie is kept) or, when
/// <c>Api:Dashboard:Oidc</c> is set, through the identity provider (a POST with its antiforgery token starts the challenge).
/// </summary>
internal sealed class SignInModel(ApiKeyRegistry keys, IOptions<ApiOptions> api, ILogger<SignInModel> log) : PageModel
{
    public bool Refused { get; private set; }

    public bool KeysConfigured => api.Value.Keys.Count > 0;

    public bool JwtConfigured => api.Value.Jwt is not null;

    public bool ProviderConfigured => DashboardOidc.IsConfigured(api.Value);

    public string ProviderName => api.Value.Dashboard.Oidc?.DisplayName ?? string.Empty;

    public int SessionHours => (int)Math.Round(api.Value.Dashboard.SessionLifetime.TotalHours);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the identity provider's sign-in came back without a session (<see cref="SignInRefusal"/>).</summary>
    [BindProperty(Name = "refused", SupportsGet = true)]
    public string? RefusedBy { get; set; }

    public void OnGet()
    {
        if (RefusedBy == SignInRefusal.NoRole)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? key)
    {
        RefusedBy = null;
        if (string.IsNullOrEmpty(key) || keys.Match(key) is not { } caller)
        {
            DashboardLog.SignInRefused(log);
            Refused = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var principal = new System.Security.Claims.ClaimsPrincipal(ApiKeyRegistry.Identity(caller.Name, caller.Role, DashboardServices.Scheme));
        await HttpContext.SignInAsync(DashboardServices.Scheme, principal, new AuthenticationProperties { IsPersistent = false });
        DashboardLog.SignedIn(log, caller.Name);
        return LocalRedirect(LocalReturnUrl);
    }

    /// <summary>
    /// Sends the browser to the identity provider. It comes back to the callback, which opens the session and then shows
    /// <c>/signed-in</c>: the session cookie is SameSite=Strict, so the first request that carries it must start on this site.
    /// </summary>
    public IActionResult OnPostProvider()
    {
        if (!ProviderConfigured)
        {
            return NotFound();
        }

        var landing = $"{SignedInModel.Path}?returnUrl={Uri.EscapeDataString(LocalReturnUrl)}";
        return Challenge(new AuthenticationProperties { RedirectUri = landing, IsPersistent = false }, DashboardOidc.Scheme);
    }

    private string LocalReturnUrl => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/";
}
