using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Json;

public sealed class FlatteningTests : IDisposable
{
    private readonly TempFolder _temp = new();

    // (one JSON object, its fields in order as "name=value", "<null>" for a JSON null)
    public static TheoryData<string, string[]> Cases => new()
    {
        { """{"a":{"b":{"c":"deep"}},"d":"top"}""", ["a.b.c=deep", "d=top"] },
        { """{"tags":["x","y","z"]}""", ["tags=x", "tags=y", "tags=z"] },
        {
            """{"Parameters":[{"Name":"p1","Value":"v1"},{"Name":"p2","Value":"v2"}]}""",
            ["Parameters.Name=p1", "Parameters.Value=v1", "Parameters.Name=p2", "Parameters.Value=v2"]
        },
        { """{"m":[[1,2],[3]]}""", ["m=1", "m=2", "m=3"] },
        { """{"EventID":4688,"big":12345678901234567890,"f":-1.50,"e":3e5,"z":0}""", ["EventID=4688", "big=12345678901234567890", "f=-1.50", "e=3e5", "z=0"] },
        { """{"t":true,"f":false,"n":null}""", ["t=true", "f=false", "n=<null>"] },
        { """{"a\u0062":"\u00e9\n\"q\"","path":"C:\\Windows"}""", ["ab=é\n\"q\"", "path=C:\\Windows"] },
        { """{"empty":{},"none":[],"s":""}""", ["s="] },
        { """{"élan":{"naïve":"ü"}}""", ["élan.naïve=ü"] },
        { """{"a":1,"a":2}""", ["a=1", "a=2"] },
        { """{"x":{"#attributes":{"k":"v"},"#text":"t"}}""", ["x.#attributes.k=v", "x.#text=t"] },
    };

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Objects_flatten_to_dotted_paths_and_arrays_repeat_their_name(string json, string[] expected)
    {
        var reading = Reading.Of(_temp.File("a.json", json + "\n"));

        Assert.Empty(reading.Problems);
        var logEvent = Assert.Single(reading.Events);
        Assert.Equal(expected, logEvent.Fields().Select(f => $"{f.Key}={f.Value ?? "<null>"}"));
    }

    [Fact]
    public void The_same_flattening_applies_to_arrays_and_concatenated_objects()
    {
        const string Json = """{"a":{"b":[1,{"c":null}]}}""";

        var lines = Reading.Of(_temp.File("l.json", Json + "\n")).Events.Single();
        var array = Reading.Of(_temp.File("a.json", "[" + Json + "]")).Events.Single();
        var pretty = Reading.Of(_temp.File("p.json", "{\n\"a\":{\"b\":[1,{\"c\":null}]}}\n")).Events.Single();

        string[] expected = ["a.b=1", "a.b.c=<null>"];
        Assert.Equal(expected, lines.Fields().Select(f => $"{f.Key}={f.Value ?? "<null>"}"));
        Assert.Equal(expected, array.Fields().Select(f => $"{f.Key}={f.Value ?? "<null>"}"));
        Assert.Equal(expected, pretty.Fields().Select(f => $"{f.Key}={f.Value ?? "<null>"}"));
    }

    [Fact]
    public void Repeated_values_read_the_same_whether_or_not_they_come_from_the_cache()
    {
        var lines = string.Concat(Enumerable.Range(0, 300).Select(i => $"{{\"host\":\"h{i % 3}\",\"id\":\"{i}\",\"p\":\"C:\\\\x{i % 2}\"}}\n"));

        var events = Reading.Of(_temp.File("a.json", lines)).Events;

        Assert.Equal(300, events.Count);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(($"h{i % 3}", $"{i}", $"C:\\x{i % 2}"), (events[i].Get("host"), events[i].Get("id"), events[i].Get("p")));
        }
    }
}
