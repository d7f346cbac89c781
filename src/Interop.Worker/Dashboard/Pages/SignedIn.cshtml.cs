using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Interop.Worker.Dashboard.Pages;

/// <summary>
/// Where the identity provider's sign-in lands: a page of this site that moves on to the page asked for (a meta refresh,
/// no script). The session cookie is SameSite=Strict, and a browser does not send it on a redirect chain that began at
/// the provider; a navigation started by this page is same-site, so it does.
/// </summary>
internal sealed class SignedInModel : PageModel
{
    public const string Path = "/signed-in";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        ReturnUrl = ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/";
    }
}
