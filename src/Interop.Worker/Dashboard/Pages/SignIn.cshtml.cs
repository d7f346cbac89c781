using System.Security.Claims;
using Interop.Worker.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Dashboard.Pages;

/// <summary>Opens a dashboard session with an API key: checked like <c>X-API-Key</c>, then only the cookie is kept.</summary>
internal sealed class SignInModel(ApiKeyRegistry keys, IOptions<ApiOptions> api, ILogger<SignInModel> log) : PageModel
{
    public bool Refused { get; private set; }

    public bool KeysConfigured => api.Value.Keys.Count > 0;

    public bool JwtConfigured => api.Value.Jwt is not null;

    public int SessionHours => (int)Math.Round(api.Value.Dashboard.SessionLifetime.TotalHours);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync([FromForm] string? key)
    {
        if (string.IsNullOrEmpty(key) || keys.Match(key) is not { } caller)
        {
            DashboardLog.SignInRefused(log);
            Refused = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var principal = new ClaimsPrincipal(ApiKeyRegistry.Identity(caller.Name, caller.Role, DashboardServices.Scheme));
        await HttpContext.SignInAsync(DashboardServices.Scheme, principal, new AuthenticationProperties { IsPersistent = false });
        DashboardLog.SignedIn(log, caller.Name);
        return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/");
    }
}
