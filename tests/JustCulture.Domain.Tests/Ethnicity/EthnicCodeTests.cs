using JustCulture.Domain.Ethnicity;

namespace JustCulture.Domain.Tests.Ethnicity;

public class EthnicCodeTests
{
    [Theory]
    [InlineData("A", "White - British")]
    [InlineData("B", "White - Irish")]
    [InlineData("C", "White - Any other White background")]
    public void DerivesWhiteGivenCodesAToC(string code, string description)
    {
        var parsed = EthnicCode.Parse(code);

        parsed.Code.ShouldBe(code);
        parsed.Description.ShouldBe(description);
        parsed.WresGroup.ShouldBe(WresGroup.White);
    }

    [Theory]
    [InlineData("D", "Mixed - White and Black Caribbean")]
    [InlineData("E", "Mixed - White and Black African")]
    [InlineData("F", "Mixed - White and Asian")]
    [InlineData("G", "Mixed - Any other mixed background")]
    [InlineData("H", "Asian or Asian British - Indian")]
    [InlineData("J", "Asian or Asian British - Pakistani")]
    [InlineData("K", "Asian or Asian British - Bangladeshi")]
    [InlineData("L", "Asian or Asian British - Any other Asian background")]
    [InlineData("M", "Black or Black British - Caribbean")]
    [InlineData("N", "Black or Black British - African")]
    [InlineData("P", "Black or Black British - Any other Black background")]
    [InlineData("R", "Other Ethnic Groups - Chinese")]
    [InlineData("S", "Other Ethnic Groups - Any other ethnic group")]
    public void DerivesBmeGivenCodesDToS(string code, string description)
    {
        var parsed = EthnicCode.Parse(code);

        parsed.Code.ShouldBe(code);
        parsed.Description.ShouldBe(description);
        parsed.WresGroup.ShouldBe(WresGroup.Bme);
    }

    [Fact]
    public void DerivesBmeGivenCodeN()
    {
        EthnicCode.Parse("N").WresGroup.ShouldBe(WresGroup.Bme);
    }

    [Theory]
    [InlineData("C2")]
    [InlineData("C3")]
    [InlineData("CA")]
    [InlineData("CP")]
    [InlineData("CY")]
    public void DerivesWhiteWithCDescriptionGivenCSubCode(string code)
    {
        var parsed = EthnicCode.Parse(code);

        parsed.Code.ShouldBe(code);
        parsed.WresGroup.ShouldBe(WresGroup.White);
        parsed.Description.ShouldBe("White - Any other White background");
    }

    [Fact]
    public void KeepsRecordedDescriptionGivenSubCodeWithDescription()
    {
        var parsed = EthnicCode.Parse("CP White - Polish");

        parsed.Code.ShouldBe("CP");
        parsed.Description.ShouldBe("White - Polish");
        parsed.WresGroup.ShouldBe(WresGroup.White);
    }

    [Theory]
    [InlineData("Z", "Not stated")]
    [InlineData("99", "Not known")]
    public void DerivesNotStatedGivenZOr99(string code, string description)
    {
        var parsed = EthnicCode.Parse(code);

        parsed.Code.ShouldBe(code);
        parsed.Description.ShouldBe(description);
        parsed.WresGroup.ShouldBe(WresGroup.NotStated);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ReturnsNotRecordedGivenBlank(string? value)
    {
        EthnicCode.TryParse(value, out var parsed, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        parsed.ShouldBeSameAs(EthnicCode.NotRecorded);
        parsed.Code.ShouldBeEmpty();
        parsed.WresGroup.ShouldBe(WresGroup.NotStated);
        parsed.ToString().ShouldBe("Not recorded");
    }

    [Fact]
    public void SplitsCodeAndDescriptionGivenEsrStyleValue()
    {
        var parsed = EthnicCode.Parse("N Black or Black British - African");

        parsed.Code.ShouldBe("N");
        parsed.Description.ShouldBe("Black or Black British - African");
        parsed.WresGroup.ShouldBe(WresGroup.Bme);
        parsed.ToString().ShouldBe("N Black or Black British - African");
    }

    [Fact]
    public void NormalisesCaseAndSpacesGivenLowerCaseCode()
    {
        var parsed = EthnicCode.Parse("  h  ");

        parsed.Code.ShouldBe("H");
        parsed.WresGroup.ShouldBe(WresGroup.Bme);
    }

    [Fact]
    public void EqualsStandardFormGivenCodeWithStandardDescription()
    {
        EthnicCode.Parse("A White - British").ShouldBe(EthnicCode.Parse("A"));
        EthnicCode.FromStored("A").ShouldBe(EthnicCode.Parse("A"));
    }

    [Theory]
    [InlineData("I")]
    [InlineData("O")]
    [InlineData("Q")]
    [InlineData("X")]
    [InlineData("T")]
    [InlineData("9")]
    [InlineData("100")]
    [InlineData("white")]
    [InlineData("White British")]
    [InlineData("CABC")]
    [InlineData("Cat")]
    [InlineData("C-1")]
    [InlineData("C 3")]
    [InlineData("Q1")]
    [InlineData("T1")]
    [InlineData("C33")]
    [InlineData("AB1")]
    [InlineData("99X")]
    [InlineData("9Z")]
    [InlineData("Not stated")]
    [InlineData("- White British")]
    [InlineData("A/White")]
    [InlineData("C3(White)")]
    public void RejectsWithoutGuessingGivenUnknownCode(string value)
    {
        EthnicCode.TryParse(value, out var parsed, out var error).ShouldBeFalse();

        parsed.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("is not an NHS ethnic category code");
        Should.Throw<DomainRuleException>(() => EthnicCode.Parse(value)).Message.ShouldBe(error);
    }

    [Fact]
    public void NamesOffendingCodeAndWhatIsExpectedGivenX()
    {
        EthnicCode.TryParse("X", out _, out var error);

        error.ShouldBe("'X' is not an NHS ethnic category code (expected a national code A-H, J-N, P, R, S or Z, 99 for not known, "
            + "or a two-character local sub-code starting with a national code such as C3, optionally followed by its description)");
    }

    [Theory]
    [InlineData("A", WresGroup.White)]
    [InlineData("B", WresGroup.White)]
    [InlineData("C", WresGroup.White)]
    [InlineData("D", WresGroup.Bme)]
    [InlineData("E", WresGroup.Bme)]
    [InlineData("F", WresGroup.Bme)]
    [InlineData("G", WresGroup.Bme)]
    [InlineData("H", WresGroup.Bme)]
    [InlineData("J", WresGroup.Bme)]
    [InlineData("K", WresGroup.Bme)]
    [InlineData("L", WresGroup.Bme)]
    [InlineData("M", WresGroup.Bme)]
    [InlineData("N", WresGroup.Bme)]
    [InlineData("P", WresGroup.Bme)]
    [InlineData("R", WresGroup.Bme)]
    [InlineData("S", WresGroup.Bme)]
    [InlineData("Z", WresGroup.NotStated)]
    public void GivesSubCodesTheirNationalCategorysGroupGivenEveryNationalCode(string national, WresGroup group)
    {
        foreach (var local in new[] { "1", "9", "A", "F", "Z" })
        {
            var parsed = EthnicCode.Parse(national + local);

            parsed.Code.ShouldBe(national + local);
            parsed.NationalCode.ShouldBe(national);
            parsed.IsLocalSubCode.ShouldBeTrue();
            parsed.WresGroup.ShouldBe(group, $"{national}{local}");
            parsed.Description.ShouldBe(EthnicCode.Parse(national).Description, "a sub-code without a description takes its national category's");
        }

        EthnicCode.Parse(national).IsLocalSubCode.ShouldBeFalse();
    }

    [Theory]
    [InlineData("C3 any other White background, unspecified", "C3", "any other White background, unspecified", WresGroup.White)]
    [InlineData("A - White British", "A", "White British", WresGroup.White)]
    [InlineData("A-White British", "A", "White British", WresGroup.White)]
    [InlineData("M9: Black - other", "M9", "Black - other", WresGroup.Bme)]
    [InlineData("LF Asian Tamil", "LF", "Asian Tamil", WresGroup.Bme)]
    [InlineData("a1 white welsh", "A1", "white welsh", WresGroup.White)]
    [InlineData("99 Not known", "99", "Not known", WresGroup.NotStated)]
    [InlineData("Z – Not stated", "Z", "Not stated", WresGroup.NotStated)]
    [InlineData("ZA Prefer not to say", "ZA", "Prefer not to say", WresGroup.NotStated)]
    public void KeepsCodePartAndDescriptionGivenEsrWriting(string value, string code, string description, WresGroup group)
    {
        var parsed = EthnicCode.Parse(value);

        (parsed.Code, parsed.Description, parsed.WresGroup).ShouldBe((code, description, group));
        EthnicCode.FromStored(parsed.Code).WresGroup.ShouldBe(group, "the stored code alone gives the same group");
    }

    [Fact]
    public void ReadsGroupFromCodeNeverDescriptionGivenContradictingDescription()
    {
        EthnicCode.Parse("N White - British").WresGroup.ShouldBe(WresGroup.Bme);
    }
}
