using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Interop.Worker.Dashboard.Pages;

/// <summary>Ends the session (a form post with its antiforgery token; a plain GET changes nothing).</summary>
internal sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DashboardServices.Scheme);
        return LocalRedirect(DashboardServices.SignInPath);
    }
}
