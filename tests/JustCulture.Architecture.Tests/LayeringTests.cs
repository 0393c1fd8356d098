using System.Reflection;
using System.Xml.Linq;
using JustCulture.TestSupport;

namespace JustCulture.Architecture.Tests;

public class LayeringTests
{
    public static TheoryData<string> CompiledProjects => [LayerRules.Domain, LayerRules.Workflows, LayerRules.Persistence, LayerRules.Application, LayerRules.Cli];

    public static TheoryData<string> RuledProjects => new(LayerRules.Rules.Keys);

    private static Assembly AssemblyOf(string project) => project switch
    {
        LayerRules.Domain => typeof(JustCulture.Domain.DomainRuleException).Assembly,
        LayerRules.Application => typeof(JustCulture.Application.Staff.StaffCsvParser).Assembly,
        LayerRules.Persistence => typeof(JustCulture.Persistence.JustCultureDbContext).Assembly,
        LayerRules.Cli => Assembly.Load("justculture"),
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
        if (!File.Exists(path))
        {
            // Web is planned; until its project exists there is nothing to check.
            project.ShouldBe(LayerRules.Web, $"{path} is missing");
            return;
        }

        var references = LayerRules.ReferencesIn(XDocument.Load(path));

        LayerRules.Violations(project, references).ShouldBeEmpty();
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
