using Vigil.Events;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Windows;

public sealed class WindowsMappingTests : IDisposable
{
    // The layout of the omerbenamram/evtx JSON render, with the variations it produces.
    private const string Sysmon = """
        {
          "Event": {
            "#attributes": { "xmlns": "http://schemas.microsoft.com/win/2004/08/events/event" },
            "System": {
              "Provider": { "#attributes": { "Name": "Microsoft-Windows-Sysmon", "Guid": "5770385F-C22A-43E0-BF4C-06F5698FFBD9" } },
              "EventID": 1,
              "Version": 5,
              "Level": 4,
              "Task": 1,
              "Opcode": 0,
              "Keywords": "0x8000000000000000",
              "TimeCreated": { "#attributes": { "SystemTime": "2024-05-01T10:00:00.123456Z" } },
              "EventRecordID": 4242,
              "Correlation": null,
              "Execution": { "#attributes": { "ProcessID": 3544, "ThreadID": 4272 } },
              "Channel": "Microsoft-Windows-Sysmon/Operational",
              "Computer": "host1",
              "Security": { "#attributes": { "UserID": "S-1-5-18" } }
            },
            "EventData": {
              "Image": "C:\\Windows\\System32\\cmd.exe",
              "CommandLine": "cmd.exe /c whoami",
              "ProcessId": 4460
            }
          }
        }
        """;

    private const string Service = """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"Service Control Manager","EventSourceName":"Service Control Manager"}},"EventID":{"#attributes":{"Qualifiers":16384},"#text":7036},"Correlation":{"#attributes":{"ActivityID":"8E521E2B"}},"TimeCreated":{"#attributes":{"SystemTime":"2024-05-01T10:00:00Z"}},"Channel":"System","Computer":"h"},"EventData":{"Data":["Windows Update","running"],"Binary":"7700"}}}
        """;

    private const string TextData = """
        {"Event":{"System":{"EventID":4688},"EventData":{"Data":{"#text":["a","b"]},"Named":{"#text":"t","#attributes":{"Name":"Named"}}}}}
        """;

    private const string Cleared = """
        {"Event":{"System":{"EventID":1102,"Channel":"Security"},"UserData":{"LogFileCleared":{"#attributes":{"xmlns":"http://manifests.microsoft.com/win/2004/08/windows/eventlog"},"SubjectUserSid":"S-1-5-21-1","SubjectUserName":"alice"}},"RenderingInfo":{"#attributes":{"Culture":"en-US"},"Message":"m"}}}
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void System_elements_and_their_attributes_get_the_names_sigma_expects()
    {
        var logEvent = Read(Sysmon);

        string[] expected =
        [
            "Provider_Name=Microsoft-Windows-Sysmon", "Provider_Guid=5770385F-C22A-43E0-BF4C-06F5698FFBD9", "EventID=1",
            "Version=5", "Level=4", "Task=1", "Opcode=0", "Keywords=0x8000000000000000",
            "TimeCreated_SystemTime=2024-05-01T10:00:00.123456Z", "EventRecordID=4242", "Correlation=<null>",
            "Execution_ProcessID=3544", "Execution_ThreadID=4272", "Channel=Microsoft-Windows-Sysmon/Operational",
            "Computer=host1", "Security_UserID=S-1-5-18", "Image=C:\\Windows\\System32\\cmd.exe",
            "CommandLine=cmd.exe /c whoami", "ProcessId=4460",
        ];
        Assert.Equal(expected, Fields(logEvent));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), logEvent.Timestamp);
    }

    [Fact]
    public void An_event_id_with_qualifiers_and_unnamed_data_map_to_event_id_and_repeated_data()
    {
        var logEvent = Read(Service);

        Assert.Equal("7036", logEvent.Get("EventID"));
        Assert.Equal("16384", logEvent.Get("EventID_Qualifiers"));
        Assert.Equal("Service Control Manager", logEvent.Get("Provider_EventSourceName"));
        Assert.Equal("8E521E2B", logEvent.Get("Correlation_ActivityID"));
        Assert.Equal(["Windows Update", "running"], Reading.Values(logEvent, "Data"));
        Assert.Equal("7700", logEvent.Get("Binary"));
    }

    [Fact]
    public void Text_style_data_values_map_to_their_text()
    {
        var logEvent = Read(TextData);

        Assert.Equal(["a", "b"], Reading.Values(logEvent, "Data"));
        Assert.Equal("t", logEvent.Get("Named"));
        Assert.Equal("Named", logEvent.Get("Named_Name"));
    }

    [Fact]
    public void User_data_leaves_are_named_by_leaf_and_by_dotted_path_and_namespaces_are_dropped()
    {
        var logEvent = Read(Cleared);

        string[] expected =
        [
            "EventID=1102", "Channel=Security", "SubjectUserSid=S-1-5-21-1", "UserData.LogFileCleared.SubjectUserSid=S-1-5-21-1",
            "SubjectUserName=alice", "UserData.LogFileCleared.SubjectUserName=alice", "RenderingInfo.Message=m",
        ];
        Assert.Equal(expected, Fields(logEvent));
        Assert.Null(logEvent.Timestamp);
    }

    [Theory]
    [InlineData("""{"Event":"login","user":{"name":"bob"}}""", new[] { "Event=login", "user.name=bob" })]
    [InlineData("""{"Event":{"type":"login","actor":{"id":7}}}""", new[] { "Event.type=login", "Event.actor.id=7" })]
    public void Json_that_merely_has_an_event_field_is_flattened_as_usual(string json, string[] expected)
    {
        Assert.Equal(expected, Fields(Read(json)));
    }

    [Fact]
    public void Field_naming_helpers_follow_the_sigma_convention()
    {
        Assert.Equal("Provider_Name", WindowsEventFields.SystemAttributeName("Provider", "Name"));
        Assert.Equal(FieldNames.Intern("Execution_ProcessID"), WindowsEventFields.SystemAttributeId("Execution", "ProcessID"));
        Assert.Equal("Data", WindowsEventFields.EventDataName(null));
        Assert.Equal("Image", WindowsEventFields.EventDataName("Image"));
        Assert.True(WindowsEventFields.IsNamespaceDeclaration("xmlns:auto-ns2"));
        Assert.False(WindowsEventFields.IsNamespaceDeclaration("Name"));
        Assert.True(WindowsEventFields.TryParseSystemTime("2024-05-01T10:00:00.1234567Z", out var time));
        Assert.Equal(TimeSpan.Zero, time.Offset);

        var logEvent = new LogEvent();
        WindowsEventFields.AddUserData(logEvent, "LogFileCleared.SubjectUserName", "alice");
        Assert.Equal(["SubjectUserName=alice", "UserData.LogFileCleared.SubjectUserName=alice"], Fields(logEvent));
    }

    private static string[] Fields(LogEvent logEvent) =>
        logEvent.Fields().Select(f => $"{f.Key}={f.Value ?? "<null>"}").ToArray();

    private LogEvent Read(string json)
    {
        var reading = Reading.Of(_temp.File(Guid.NewGuid() + ".json", json));
        Assert.Empty(reading.Problems);
        return Assert.Single(reading.Events);
    }
}
