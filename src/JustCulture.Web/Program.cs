using JustCulture.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddJustCultureWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseJustCultureWeb();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
