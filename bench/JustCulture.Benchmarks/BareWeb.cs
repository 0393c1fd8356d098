using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JustCulture.Benchmarks;

/// <summary>
/// `bare-web --urls http://127.0.0.1:port`: the smallest ASP.NET Core app with a /health endpoint, the baseline of
/// the web app's cold start (what the framework and the runtime cost before any of the product's own start-up).
/// </summary>
public static class BareWeb
{
    public static void Run(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/health", () => Results.Text("ok"));
        app.Run();
    }
}
