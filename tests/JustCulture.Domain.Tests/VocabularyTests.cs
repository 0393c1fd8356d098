using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Users;

namespace JustCulture.Domain.Tests;

/// <summary>No enum name reaches a person: every value has words, and a name of two words is never shown joined.</summary>
public class VocabularyTests
{
    private static void ShouldBeWords(string words, string enumName)
    {
        words.ShouldNotBeNullOrWhiteSpace();
        if (enumName.Skip(1).Any(char.IsUpper))
        {
            words.ShouldNotBe(enumName, $"'{enumName}' has no words of its own");
            words.ShouldContain(" ");
        }
    }

    [Fact]
    public void GivesWordsGivenEveryStageRouteRoleAndGroup()
    {
        foreach (var stage in Enum.GetValues<ActionStage>())
        {
            ShouldBeWords(Vocabulary.Stage(stage), stage.ToString());
            Vocabulary.Stage(stage.ToString()).ShouldBe(Vocabulary.Stage(stage));
        }

        foreach (var route in Enum.GetValues<CaseRoute>())
        {
            ShouldBeWords(Vocabulary.Route(route), route.ToString());
            Vocabulary.Route(route.ToString()).ShouldBe(Vocabulary.Route(route));
        }

        foreach (var role in Enum.GetValues<Role>())
        {
            ShouldBeWords(Vocabulary.Role(role), role.ToString());
        }

        foreach (var status in Enum.GetValues<ConcernStatus>())
        {
            ShouldBeWords(Vocabulary.Status(status), status.ToString());
        }

        Vocabulary.Group(WresGroup.Bme).ShouldBe("BME");
        Vocabulary.Group(WresGroup.NotStated).ShouldBe("Not stated");
    }

    [Fact]
    public void NamesEveryOutcomeWithItsLetterAndMeaning()
    {
        foreach (var outcome in Enum.GetValues<ChecklistOutcome>())
        {
            Vocabulary.Outcome(outcome).ShouldStartWith($"{outcome} – ");
        }

        Vocabulary.Outcome((string?)null).ShouldBe("Checklist not finished");
    }

    [Fact]
    public void SaysWhatEveryOutcomeMeansGivenAnyOutcome()
    {
        var meanings = Enum.GetValues<ChecklistOutcome>().ToDictionary(o => o, Vocabulary.OutcomeMeaning);

        meanings.Values.ShouldAllBe(m => m.Contains(' '));
        meanings[ChecklistOutcome.A].ShouldContain("police");
        meanings[ChecklistOutcome.B].ShouldContain("substance-misuse");
        meanings[ChecklistOutcome.C].ShouldContain("occupational health");
        meanings[ChecklistOutcome.D].ShouldBe(meanings[ChecklistOutcome.E]);
        meanings[ChecklistOutcome.F].ShouldContain("senior HR advice");
        meanings[ChecklistOutcome.G].ShouldContain("training and supervision");
        Vocabulary.OutcomeWithMeaning(ChecklistOutcome.D).ShouldBe(
            "D – system failure (protocols): action singling out the individual is unlikely to be appropriate; learning and system actions");
    }

    [Fact]
    public void LeavesUnknownNamesAsGivenGivenTextNotInTheTable()
    {
        Vocabulary.Route("SomethingNew").ShouldBe("SomethingNew");
        Vocabulary.Stage("7").ShouldBe("7");
    }
}
