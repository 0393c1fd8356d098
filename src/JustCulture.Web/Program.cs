using JustCulture.Web.Api;
using JustCulture.Web.Hosting;

StartupProblems.ReportClearly();
var builder = WebApplication.CreateBuilder(AppContentRoot.Options(args));
builder.AddJustCultureWeb();
builder.Services.AddReportPages();

var app = builder.Build();
app.Lifetime.ApplicationStarted.Register(StartupProblems.Started);
app.WarnIfEphemeral();
await app.PrepareDatabaseAsync();
app.EnsureCulturalAmbassadorRule();
app.UseJustCultureWeb();
app.MapReportApi();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
