using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Real.Reporting.Dashboard;
using Real.Reporting.Tests.Support;
using Real.Testing;
using SkiaSharp;

namespace Real.Reporting.Tests.Dashboard;

/// <summary>
/// Drives the dashboard in Debian's Chromium (/usr/bin/chromium, headless) through Playwright's bundled node driver;
/// no browser is ever downloaded. Fails, with the reason, when Chromium is missing (`make prereqs` installs it).
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDirectory _dir = new("real-dashboard");
    private ReportingContext _context = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private string _url = string.Empty;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var (store, serializer) = await AuditStore.BuildAsync(_dir.File("events.db"));
        _context = new ReportingContext(store, serializer, _dir.Path);
        var port = FreePort();
        _app = DashboardServer.Build(_context, port);
        await _app.StartAsync();
        _url = $"http://127.0.0.1:{port}";
    }

    [Fact]
    public async Task Pages_load_a_search_finds_an_image_and_the_screenshot_is_not_blank()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (`make prereqs` does).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        var home = await page.GotoAsync(_url + "/");
        Assert.Equal(200, home!.Status);
        Assert.Contains("Label sets", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("a[href='/labelsets/1']").CountAsync());

        var labelSet = await page.GotoAsync(_url + "/labelsets/1");
        Assert.Equal(200, labelSet!.Status);
        Assert.Equal(1, await page.Locator("svg.plot").CountAsync());

        var diff = await page.GotoAsync(_url + "/diff?to=1");
        Assert.Equal(200, diff!.Status);
        Assert.Contains("ILSVRC2012_val_00000002.JPEG", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(_url + "/");
        await page.FillAsync("#search", "val_0000000");
        await page.ClickAsync("form.search button");
        await page.WaitForURLAsync("**/search?q=*");
        Assert.Equal(4, await page.Locator("main li a").CountAsync());

        await page.FillAsync("#search", "ILSVRC2012_val_00000002");
        await page.ClickAsync("form.search button");
        await page.WaitForURLAsync("**/images/ILSVRC2012_val_00000002.JPEG");
        var text = await page.InnerTextAsync("main");
        Assert.Contains("shark", text, StringComparison.Ordinal);
        Assert.Contains("tool:ann", text, StringComparison.Ordinal);
        Assert.Contains("RaterConfusionEstimated", text, StringComparison.Ordinal);

        var missing = await page.GotoAsync(_url + "/images/nope.JPEG");
        Assert.Equal(404, missing!.Status);

        await page.GotoAsync(_url + "/labelsets/1");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await File.WriteAllBytesAsync(_dir.File("dashboard.png"), png);
        AssertNotBlank(png);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _context.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>A blank page is one colour: demand real variation in luminance across the screenshot.</summary>
    private static void AssertNotBlank(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        double sum = 0, sumSq = 0;
        var n = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                var luminance = (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);
                sum += luminance;
                sumSq += luminance * luminance;
                n++;
            }
        }

        var mean = sum / n;
        var variance = (sumSq / n) - (mean * mean);
        Assert.True(variance > 100, $"screenshot looks blank: luminance variance {variance:0.0} over {n} pixels");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
