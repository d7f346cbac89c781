using System.Globalization;
using Interop.Worker.Api;
using Interop.Worker.Dashboard;
using PuppeteerSharp;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against <c>serve</c> over the bundled sample: signing in, the cohort's figures
/// (compared with what the API answers, not with numbers written here), a subject's criteria, a wrong key, the headers.
/// Each test saves screenshots to <see cref="SystemChromium.ScreenshotFolder"/>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardServer server, SystemChromium chromium) : ChromiumPageTest(chromium)
{
    [ChromiumFact]
    public async Task SignIn_ReadKey_OpensTheCohortWithTheApiFigures()
    {
        var signIn = await Page.GoToAsync(Url("/"));
        Assert.Equal("/sign-in", new Uri(Page.Url).AbsolutePath);
        Assert.True(signIn.Ok);
        await ShotAsync("01-sign-in");

        await SignInAsync(DashboardServer.ReadKey);

        Assert.Equal("/", new Uri(Page.Url).AbsolutePath);
        var summary = await server.Api.GetSummaryAsync();
        Assert.Equal(Text(summary.Patients), await FigureAsync("patients"));
        Assert.Equal(Text(summary.Eligible), await FigureAsync("eligible"));
        Assert.Equal(Text(summary.Ineligible), await FigureAsync("ineligible"));
        Assert.Equal(Text(summary.Undetermined), await FigureAsync("undetermined"));
        Assert.Equal(Text(summary.MrdAfterBlinatumomab.Negative), await FigureAsync("mrd-negative"));
        Assert.Equal(Text(summary.Relapses), await FigureAsync("relapses"));
        Assert.Equal(Text(summary.PrimaryEndpointEvents), await FigureAsync("primary-endpoint"));
        Assert.Equal(Display.Estimate(summary.Dfs.TwoYear), await FigureAsync("dfs-2y"));
        Assert.Equal(summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await TextAsync("#as-of"));

        // The Kaplan-Meier plot loaded as an image (the browser decoded the SVG the report draws).
        await Page.WaitForFunctionAsync("() => { const i = document.querySelector('figure img'); return i && i.complete; }");
        Assert.True(await Page.EvaluateExpressionAsync<int>("document.querySelector('figure img').naturalWidth") > 0);
        await ShotAsync("02-cohort");

        var cookie = Assert.Single(await Page.GetCookiesAsync(), c => c.Name == DashboardCookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSite.Strict, cookie.SameSite);
    }

    [ChromiumFact]
    public async Task SignIn_WrongKey_IsRefusedAndOpensNothing()
    {
        await Page.GoToAsync(Url("/sign-in"));

        var answer = await SignInAsync("not-a-key-of-this-service");

        Assert.Equal(401, (int)answer.Status);
        Assert.Equal("The key is not recognised.", await TextAsync("#sign-in-error"));
        Assert.DoesNotContain(await Page.GetCookiesAsync(), c => c.Name == DashboardCookie.Name);
        await ShotAsync("03-wrong-key");

        await Page.GoToAsync(Url("/subjects"));
        Assert.Equal("/sign-in", new Uri(Page.Url).AbsolutePath);
    }

    [ChromiumFact]
    public async Task SubjectPage_EligibleSubject_ShowsEachCriterionWithStatusAndReason()
    {
        var eligible = (await server.Api.ListSubjectsAsync(verdict: "eligible", take: 1)).Items[0];
        var expected = await server.Api.GetSubjectAsync(eligible.PatientId);
        await Page.GoToAsync(Url("/sign-in"));
        await SignInAsync(DashboardServer.ReadKey);

        await Page.GoToAsync(Url("/subjects?verdict=eligible"));
        await ShotAsync("04-subjects-eligible");
        await Task.WhenAll(Page.WaitForNavigationAsync(), Page.ClickAsync($"#subjects-table a[href^='/subjects/{eligible.PatientId}']"));

        Assert.Equal($"/subjects/{eligible.PatientId}", new Uri(Page.Url).AbsolutePath);
        var rows = await Page.EvaluateExpressionAsync<string[][]>(
            "[...document.querySelectorAll('#criteria-table tbody tr')].map(r => [...r.children].map(c => c.textContent.trim()))");
        Assert.Equal(expected.Criteria.Count, rows.Length);
        foreach (var (criterion, row) in expected.Criteria.Zip(rows))
        {
            Assert.Equal(CriterionNames.Of(criterion.Id), row[0]);
            Assert.Equal(Display.Code(criterion.Status), row[1]);
            Assert.Equal(criterion.Reason ?? Display.None, row[2]);
        }

        await ShotAsync("05-subject");
    }

    [ChromiumFact]
    public async Task Pages_SignedIn_CarryTheStrictContentSecurityPolicy()
    {
        await Page.GoToAsync(Url("/sign-in"));
        await SignInAsync(DashboardServer.ReadKey);

        foreach (var (path, shot) in new[] { ("/runs", "06-runs"), ("/health", "07-health"), ("/", null) })
        {
            var answer = await Page.GoToAsync(Url(path));
            Assert.True(answer.Ok, path);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, answer.Headers["content-security-policy"]);
            Assert.Contains("frame-ancestors 'none'", answer.Headers["content-security-policy"], StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", answer.Headers["content-security-policy"], StringComparison.Ordinal);
            Assert.Equal("nosniff", answer.Headers["x-content-type-options"]);
            Assert.Equal(0, await Page.EvaluateExpressionAsync<int>("document.scripts.length"));
            if (shot is not null)
            {
                await ShotAsync(shot);
            }
        }
    }

    /// <summary>Types the key and submits the sign-in form; the answer to the form's post.</summary>
    private async Task<IResponse> SignInAsync(string key)
    {
        await Page.TypeAsync("#key", key);
        var navigation = Page.WaitForNavigationAsync();
        await Page.ClickAsync("form.sign-in button[type=submit]");
        return await navigation;
    }

    private string Url(string path) => new Uri(server.BaseAddress, path).ToString();

    private Task<string> FigureAsync(string name) => TextAsync($"[data-figure='{name}']");

    private Task<string> TextAsync(string selector) =>
        Page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent.trim()", selector);

    private Task ShotAsync(string name) =>
        Page.ScreenshotAsync(Path.Combine(SystemChromium.ScreenshotFolder, name + ".png"), new ScreenshotOptions { FullPage = true });

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
