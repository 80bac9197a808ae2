namespace Vigil.Discovery.Tests.Recognition;

public sealed class RobustnessTests
{
    private const string Alphabet = "0123456789 -+()/.:@'\nABCDEGHJYZabcdez NHSCHIDOBGYJE, 44 07700 ";

    [Fact]
    public void Random_and_truncated_text_never_throws()
    {
        var random = new Random(20261129);
        var samples = new List<string>
        {
            "NHS number: 943 476 5919. DOB 12/03/1950. Tel: +44 (0)1481 234567. GY1 2AB. NI no. AB 12 34 56 C.",
            "Dear Mr O'Neill-Smith,\nRe patient Oliver Le Page, born 3rd March 1950, x@y.example.org MRN 12345678",
        };
        for (var i = 0; i < 1000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = Alphabet[random.Next(Alphabet.Length)];
            }

            samples.Add(new string(chars));
        }

        foreach (var sample in samples.ToList())
        {
            for (var cut = 0; cut <= sample.Length; cut++)
            {
                samples.Add(sample[..cut]);
                samples.Add(sample[cut..]);
            }
        }

        foreach (var sample in samples)
        {
            foreach (var match in Recognise.All(sample))
            {
                Assert.InRange(match.Start, 0, sample.Length - 1);
                Assert.InRange(match.Start + match.Length, match.Start + 1, sample.Length);
            }
        }
    }

    [Fact]
    public void Non_ascii_letters_and_empty_text_are_handled()
    {
        Assert.Empty(Recognise.All(string.Empty));
        Assert.Contains("PERSON=Zoë Ñúñez", Recognise.Found("Dear Zoë Ñúñez,"));
    }
}
