using JustCulture.Application.Ambassadors;
using JustCulture.Application.Common;
using JustCulture.Workflows;

namespace JustCulture.Web.Hosting;

/// <summary>
/// <c>JustCulture:CulturalAmbassador:Enabled</c> (default off) and <c>JustCulture:CulturalAmbassador:Ambassadors</c> (the
/// trained ambassadors by name, a list or one comma-separated value): read at start, so a setting that is on with no
/// ambassador named stops the app naming it (docs/domain/process-safeguards.md, "Cultural ambassador").
/// </summary>
public static class CulturalAmbassadorSettings
{
    public const string Section = $"{JustCultureWebOptions.Section}:CulturalAmbassador";

    public static AmbassadorRules Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var enabled = false;
        if (section["Enabled"] is { Length: > 0 } text && !bool.TryParse(text, out enabled))
        {
            throw new InvalidOperationException($"{Section}:Enabled must be true or false; it is '{text}'.");
        }

        var list = section.GetSection("Ambassadors");
        var named = list.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : list.GetChildren().Select(c => c.Value ?? string.Empty).ToArray();
        try
        {
            return new AmbassadorRules(enabled, named);
        }
        catch (ArgumentException wrong)
        {
            throw new InvalidOperationException(wrong.Message, wrong);
        }
    }

    /// <summary>With the setting on, every loaded workflow definition must hold the safety rule's ambassador extension
    /// (<see cref="CulturalAmbassadorCheck"/>); one that does not stops the app at start, naming file and activity.</summary>
    public static void EnsureCulturalAmbassadorRule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<AmbassadorRules>().Enabled)
        {
            return;
        }

        foreach (var definition in app.Services.GetRequiredService<TriageWorkflow>().Catalog.All)
        {
            CulturalAmbassadorCheck.Ensure(definition);
        }
    }
}
