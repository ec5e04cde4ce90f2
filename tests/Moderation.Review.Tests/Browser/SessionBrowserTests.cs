using Microsoft.Playwright;
using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Browser;

/// <summary>Signing out and changing a password in the console, in Chromium.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class SessionBrowserTests(ReviewHost host, BrowserFixture browser)
{
    private const string Site = "browser-session";

    private async Task<IPage> SignedInPageAsync(string username, string password = ReviewHost.Password)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", username);
        await page.FillAsync("#signin-form [name=password]", password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("#queue-view:not([hidden])");
        return page;
    }

    private async Task<int> MeStatusAsync(IPage page) =>
        (await page.Context.APIRequest.GetAsync(new Uri(host.Host.Address, "/v1/review/me").ToString())).Status;

    [Fact]
    public async Task Sign_out_returns_to_the_sign_in_form_and_the_session_is_gone()
    {
        var page = await SignedInPageAsync(await host.CreateModeratorAsync("out", Site));
        var cookies = await page.Context.CookiesAsync();

        await page.ClickAsync("#sign-out");
        await page.WaitForSelectorAsync("#signin-view:not([hidden])");

        Assert.Equal(401, await MeStatusAsync(page));

        // The cookie the browser had before signing out, put back: the server has ended that session.
        await page.Context.AddCookiesAsync(cookies.Select(cookie => new Cookie
        {
            Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path,
            HttpOnly = cookie.HttpOnly, Secure = cookie.Secure, SameSite = cookie.SameSite,
        }));
        Assert.Equal(401, await MeStatusAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Changing_the_password_in_the_console_signs_out_the_other_browser()
    {
        var username = await host.CreateModeratorAsync("pw", Site);
        var desk = await SignedInPageAsync(username);
        var laptop = await SignedInPageAsync(username);

        await desk.ClickAsync("#password-button");
        await desk.FillAsync("#password-form [name=currentPassword]", "not-the-password-1");
        await desk.FillAsync("#password-form [name=newPassword]", "fresh-password-for-desk");
        await desk.ClickAsync("#password-form button[type=submit]");
        await desk.WaitForFunctionAsync("() => document.getElementById('password-message').textContent.includes('current password')");

        await desk.FillAsync("#password-form [name=currentPassword]", ReviewHost.Password);
        await desk.ClickAsync("#password-form button[type=submit]");
        await desk.WaitForFunctionAsync("() => !document.getElementById('password-dialog').open");

        Assert.Equal(200, await MeStatusAsync(desk));
        Assert.Equal(401, await MeStatusAsync(laptop));

        // The laptop's open live stream is ended by the server, and the console goes back to the sign-in form.
        await laptop.WaitForSelectorAsync("#signin-view:not([hidden])", new PageWaitForSelectorOptions { Timeout = 20000 });
        await desk.Context.CloseAsync();
        await laptop.Context.CloseAsync();
        await (await SignedInPageAsync(username, "fresh-password-for-desk")).Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_resets_a_moderators_password_in_the_console()
    {
        var username = await host.CreateModeratorAsync("reset", Site);
        var admin = await SignedInPageAsync(ReviewHost.AdminUsername, ReviewHost.AdminPassword);
        await admin.ClickAsync("#admin-tab");
        await admin.WaitForSelectorAsync($"#moderator-rows tr:has-text('{username}')");

        await admin.FillAsync($"#moderator-rows tr:has-text('{username}') input[type=password]", "reset-by-the-admin-01");
        await admin.ClickAsync($"#moderator-rows button[data-reset='{username}']");
        await admin.WaitForFunctionAsync("() => document.getElementById('admin-message').textContent.includes('New password set')");

        await admin.Context.CloseAsync();
        await (await SignedInPageAsync(username, "reset-by-the-admin-01")).Context.CloseAsync();
    }
}
