using System.Reflection;
using System.Xml.Linq;
using JustCulture.TestSupport;

namespace JustCulture.Architecture.Tests;

public class LayeringTests
{
    public static TheoryData<string> CompiledProjects => [LayerRules.Domain, LayerRules.Workflows, LayerRules.Persistence, LayerRules.Application, LayerRules.Cli, LayerRules.Web];

    public static TheoryData<string> InnerProjects => [LayerRules.Domain, LayerRules.Workflows, LayerRules.Persistence, LayerRules.Application];

    public static TheoryData<string> RuledProjects => new(LayerRules.Rules.Keys);

    private static Assembly AssemblyOf(string project) => project switch
    {
        LayerRules.Domain => typeof(JustCulture.Domain.DomainRuleException).Assembly,
        LayerRules.Application => typeof(JustCulture.Application.Staff.StaffCsvParser).Assembly,
        LayerRules.Persistence => typeof(JustCulture.Persistence.JustCultureDbContext).Assembly,
        LayerRules.Cli => Assembly.Load("justculture"),
        LayerRules.Web => typeof(JustCulture.Web.Hosting.WebHostingExtensions).Assembly,
        _ => Assembly.Load(project),
    };

    private static string CsprojPath(string project) =>
        Path.Combine(RepositoryPaths.RepoRoot, "src", project, project + ".csproj");

    [Theory]
    [MemberData(nameof(CompiledProjects))]
    public void ReferencesOnlyInwardAssembliesGivenCompiledProject(string project)
    {
        var references = AssemblyOf(project).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotBeEmpty();
        LayerRules.Violations(project, references).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RuledProjects))]
    public void DeclaresOnlyInwardReferencesGivenProjectFile(string project)
    {
        var path = CsprojPath(project);
        File.Exists(path).ShouldBeTrue($"{path} is missing");

        var references = LayerRules.ReferencesIn(XDocument.Load(path));

        LayerRules.Violations(project, references).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(InnerProjects))]
    public void FlagsWebAndAspNetCoreGivenInnerLayer(string project)
    {
        var violations = LayerRules.Violations(project, ["JustCulture.Web", "Microsoft.AspNetCore.Mvc.Core"]);

        violations.ShouldContain(v => v.Contains("must not reference JustCulture.Web", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("Microsoft.AspNetCore.Mvc.Core", StringComparison.Ordinal));
    }

    [Fact]
    public void AllowsApplicationAndAspNetCoreGivenWeb()
    {
        LayerRules.Violations(LayerRules.Web, ["JustCulture.Application", "JustCulture.Persistence", "Microsoft.AspNetCore.App", "AutoMapper"]).ShouldBeEmpty();
        LayerRules.Violations(LayerRules.Web, ["justculture"]).ShouldHaveSingleItem().ShouldContain("JustCulture.Cli");
    }

    [Fact]
    public void ReferencesApplicationGivenWebAssembly()
    {
        var references = AssemblyOf(LayerRules.Web).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldContain(LayerRules.Application);
        references.ShouldContain(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void HasRuleGivenEverySourceProject()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryPaths.RepoRoot, "src")).Select(Path.GetFileName).ToList();

        projects.ShouldNotBeEmpty();
        projects.ShouldAllBe(p => LayerRules.Rules.ContainsKey(p!), "every src project needs a layer rule in LayerRules");
    }

    [Fact]
    public void KeepsDomainFreeOfPackagesGivenDomainProjectFile()
    {
        var references = LayerRules.ReferencesIn(XDocument.Load(CsprojPath(LayerRules.Domain)));

        references.ShouldBeEmpty();
    }

    [Fact]
    public void FlagsOutwardAndInfrastructureReferencesGivenBadDomainProject()
    {
        var csproj = XDocument.Parse("""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ProjectReference Include="..\JustCulture.Persistence\JustCulture.Persistence.csproj" />
                <PackageReference Include="Microsoft.EntityFrameworkCore" />
                <PackageReference Include="Npgsql" />
                <PackageReference Include="System.CommandLine" />
              </ItemGroup>
            </Project>
            """);

        var violations = LayerRules.Violations(LayerRules.Domain, LayerRules.ReferencesIn(csproj));

        violations.Count.ShouldBe(5);
        violations.ShouldContain(v => v.Contains("must not reference JustCulture.Persistence", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal));
    }

    [Fact]
    public void FlagsApplicationGivenCliAssemblyReference()
    {
        LayerRules.Violations(LayerRules.Application, ["justculture", "JustCulture.Domain", "System.Runtime"])
            .ShouldHaveSingleItem().ShouldContain("JustCulture.Cli");
    }

    [Fact]
    public void AllowsSimilarNamesGivenPrefixMatchOnSegments()
    {
        LayerRules.MatchesPrefix("NpgsqlLike", "Npgsql").ShouldBeFalse();
        LayerRules.MatchesPrefix("Npgsql.EntityFrameworkCore.PostgreSQL", "Npgsql").ShouldBeTrue();
        LayerRules.MatchesPrefix("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore").ShouldBeTrue();
    }
}
