using System.Reflection;
using JustCulture.Domain;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Tests.Admin;

/// <summary>Every decision-log event a person can see on the log page has words of its own, so a new event cannot reach a page as its stored name.</summary>
public class EventWordsTests
{
    public static TheoryData<string> EventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(LogEventTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void HasWordsGivenEveryLogEventType(string eventType)
    {
        var words = Vocabulary.Event(eventType);

        words.ShouldNotBe(eventType, $"event {eventType} has no words in Vocabulary.Event");
        words.ShouldContain(" ");
    }
}
