using System.Text;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Files;

/// <summary>Damaged input of every kind ends in problems, never in an exception or a hang.</summary>
public sealed class RobustnessTests : IDisposable
{
    private const string Sample = """
        {"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":0},"#text":4688},"TimeCreated":{"#attributes":{"SystemTime":"2024-05-01T10:00:00Z"}}},"EventData":{"Data":["a",{"#text":"b"}],"CommandLine":"C:\\x \"q\" \u00e9"}}}
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_prefix_of_json_and_csv_reads_without_throwing()
    {
        string[] samples =
        [
            Sample + "\n" + Sample + "\n",
            "[" + Sample + ",\n" + Sample + "]",
            Sample.Replace(",", ",\n", StringComparison.Ordinal) + Sample,
            "a,b,c\n1,\"x\ny\",3\n4,5,6\n",
        ];
        foreach (var sample in samples)
        {
            var bytes = Encoding.UTF8.GetBytes(sample);
            for (var length = 0; length <= bytes.Length; length++)
            {
                var path = _temp.File($"p{length}.csv.json", bytes[..length]);
                _ = Reading.Of(path);
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void Random_byte_flips_in_json_and_gzip_read_without_throwing()
    {
        var random = new Random(7);
        var plain = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Sample + "\n", 20)));
        var gzip = TempFolder.Gzip(plain);
        for (var round = 0; round < 200; round++)
        {
            var bytes = (round % 2 == 0 ? plain : gzip).ToArray();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            _ = Reading.Of(_temp.File($"r{round}", bytes));
        }
    }

    [Fact]
    public void Deep_nesting_is_an_invalid_json_problem()
    {
        var deep = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)) + "}";

        var reading = Reading.Of(_temp.File("deep.json", deep + "\n{\"ok\":1}\n"));

        Assert.Equal(["invalid-json@line 1"], reading.ProblemKeys);
        Assert.Single(reading.Events);
    }
}
