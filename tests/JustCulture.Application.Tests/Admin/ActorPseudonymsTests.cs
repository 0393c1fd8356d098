using System.Security.Cryptography;
using System.Text;
using JustCulture.Application.Log;

namespace JustCulture.Application.Tests.Admin;

public sealed class ActorPseudonymsTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void GivesSamePseudonymGivenSameKeyInAnotherProcess()
    {
        var first = ActorPseudonyms.FromBase64Setting("Key", KeyA);
        var restarted = ActorPseudonyms.FromBase64Setting("Key", KeyA);

        restarted.For("j.smith").ShouldBe(first.For("j.smith"));
        first.For("j.smith").ShouldNotBe(first.For("a.jones"));
        first.For("j.smith").ShouldMatch("^u-[0-9a-f]{12}$");
    }

    [Fact]
    public void GivesDifferentPseudonymGivenDifferentKey()
    {
        ActorPseudonyms.FromBase64Setting("Key", KeyA).For("j.smith").ShouldNotBe(ActorPseudonyms.FromBase64Setting("Key", KeyB).For("j.smith"));
    }

    [Fact]
    public void CannotBeMatchedByHashingUserIdsWithoutKey()
    {
        var pseudonym = ActorPseudonyms.FromBase64Setting("Key", KeyA).For("j.smith")[2..];

        // What someone holding only the list of user ids could compute: plain hashes, with or without a prefix.
        foreach (var guess in new[] { "j.smith", "justculture-actor:j.smith" })
        {
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(guess))).ShouldNotStartWith(pseudonym);
        }
    }

    [Fact]
    public void RefusesSettingGivenShortKey()
    {
        var error = Should.Throw<InvalidOperationException>(() => ActorPseudonyms.FromBase64Setting("JustCulture:AuditPseudonymKey", Convert.ToBase64String(new byte[16])));

        error.Message.ShouldContain("JustCulture:AuditPseudonymKey");
        error.Message.ShouldContain("16 bytes");
    }

    [Fact]
    public void RefusesSettingGivenTextThatIsNotBase64()
    {
        var error = Should.Throw<InvalidOperationException>(() => ActorPseudonyms.FromBase64Setting("JustCulture:AuditPseudonymKey", "not a key!"));

        error.Message.ShouldContain("JustCulture:AuditPseudonymKey is not base64");
    }

    [Fact]
    public void MarksMadeUpKeyAsEphemeral()
    {
        ActorPseudonyms.WithEphemeralKey().IsEphemeral.ShouldBeTrue();
        ActorPseudonyms.FromBase64Setting("Key", KeyA).IsEphemeral.ShouldBeFalse();
    }
}
