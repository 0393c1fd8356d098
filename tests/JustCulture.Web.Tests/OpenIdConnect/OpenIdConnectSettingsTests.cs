using JustCulture.Domain.Users;
using JustCulture.Web.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace JustCulture.Web.Tests.OpenIdConnect;

/// <summary>Organisation sign-in settings: off without an authority; a setting that cannot work stops the start naming it.</summary>
public class OpenIdConnectSettingsTests
{
    private static OpenIdConnectSettings Read(params (string Key, string Value)[] settings) =>
        OpenIdConnectSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => $"{OpenIdConnectSettings.Section}:{s.Key}", s => (string?)s.Value))
            .Build());

    private static readonly (string, string)[] Minimal = [("Authority", "https://login.microsoftonline.com/tenant/v2.0"), ("ClientId", "app"), ("ClientSecret", "secret")];

    [Fact]
    public void IsOffGivenNoAuthority() => Read().Enabled.ShouldBeFalse();

    [Fact]
    public void MapsGroupsToRolesGivenCommaSeparatedValues()
    {
        var settings = Read([.. Minimal, ("RoleClaim", "groups"), ("Roles:CommissioningManager", "g1, g2"), ("Roles:Auditor", "g3")]);

        settings.Enabled.ShouldBeTrue();
        settings.SubjectClaim.ShouldBe("oid");
        settings.RolesGrantedBy(["g2", "unrelated"]).ShouldBe([Role.CommissioningManager]);
        settings.RolesGrantedBy(["unrelated"]).ShouldBeEmpty();
    }

    [Fact]
    public void RefusesStartNamingTheSettingGivenRoleMappingForNoSuchRole()
    {
        var refusal = Should.Throw<InvalidOperationException>(() => Read([.. Minimal, ("Roles:Reviewer", "g1")]));
        refusal.Message.ShouldContain("Authentication:OpenIdConnect:Roles:Reviewer");
        refusal.Message.ShouldContain("CommissioningManager");
    }

    [Fact]
    public void RefusesStartNamingTheSettingGivenAuthorityWithoutClientSecret()
    {
        var refusal = Should.Throw<InvalidOperationException>(() => Read(("Authority", "https://idp.example.nhs.uk"), ("ClientId", "app")));
        refusal.Message.ShouldContain("Authentication:OpenIdConnect:ClientSecret");
    }

    [Fact]
    public void RefusesStartGivenAuthorityThatIsNotAUrl()
    {
        var refusal = Should.Throw<InvalidOperationException>(() => Read(("Authority", "login.example"), ("ClientId", "app"), ("ClientSecret", "s")));
        refusal.Message.ShouldContain("Authentication:OpenIdConnect:Authority");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "Development", true)]
    [InlineData("http://localhost:5000/", "Staging", true)]
    [InlineData("http://127.0.0.1:5000/", "Production", false)]
    [InlineData("http://idp.example.nhs.uk/", "Development", false)]
    public void AllowsPlainHttpMetadataOnlyGivenLoopbackProviderOutsideProduction(string authority, string environment, bool allowed) =>
        OpenIdConnectSignIn.AllowsPlainHttp(new Uri(authority), new HostingEnvironment { EnvironmentName = environment }).ShouldBe(allowed);
}
