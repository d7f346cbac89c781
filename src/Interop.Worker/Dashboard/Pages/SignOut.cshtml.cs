using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Interop.Worker.Dashboard.Pages;

/// <summary>
/// Ends the session (a form post with its antiforgery token; a plain GET changes nothing). A session opened through the
/// identity provider also ends there when configured so and the provider has an end_session_endpoint.
/// </summary>
internal sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var providerSession = DashboardSession.IsProviderSession(User);
        await HttpContext.SignOutAsync(DashboardServices.Scheme);
        if (providerSession && await DashboardOidc.CanSignOutAtProviderAsync(HttpContext, cancellationToken))
        {
            return SignOut(new AuthenticationProperties { RedirectUri = DashboardServices.SignInPath }, DashboardOidc.Scheme);
        }

        return LocalRedirect(DashboardServices.SignInPath);
    }
}
