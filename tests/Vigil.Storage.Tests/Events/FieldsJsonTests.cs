using System.Security.Cryptography;
using System.Text;
using Vigil.Events;
using Vigil.Storage.Events;

namespace Vigil.Storage.Tests.Events;

/// <summary>The stored form of fields: known names as codes, back-references, slices of the raw record.</summary>
public sealed class FieldsJsonTests
{
    private const string Raw = "<22>Mar  1 10:00:00 mail postfix/smtpd[4242]: 3A00000001: client=unknown[203.0.113.7], sasl_method=LOGIN";

    // (case, raw record's bytes, fields): every case is written from the bytes and from the decoded text.
    private static readonly (string Case, byte[] Raw, (string Name, string? Value)[] Fields)[] Cases =
    [
        ("ascii syslog: hint moves forward, a value inside the message, a back-reference",
            "<22>Mar  1 10:00:00 mail postfix/smtpd[4242]: 3A00000001: client=unknown[203.0.113.7], sasl_method=LOGIN"u8.ToArray(),
            [("syslog.hostname", "mail"), ("syslog.appname", "postfix/smtpd"), ("message", "3A00000001: client=unknown[203.0.113.7], sasl_method=LOGIN"),
             ("syslog.message", null), ("postfix.client_ip", "203.0.113.7"), ("postfix.sasl_method", "LOGIN"), ("custom", "sasl_method=LOGIN")]),
        ("ascii: a value before the hint is found from the start, one straddling the hint too",
            "abcdefghij0123456789abcdefghij"u8.ToArray(),
            [("a", "0123456789"), ("b", "abcdefghij"), ("c", "89abcdefgh"), ("d", "abcdefghij0"), ("e", "j0123456789a")]),
        ("ascii: repeated text is found at the first place from the hint",
            "value-one value-two value-one value-two"u8.ToArray(),
            [("a", "value-two"), ("b", "value-one"), ("c", "value-two"), ("d", "value-one value-two")]),
        ("ascii record, values not in it: non-ASCII, a lone surrogate, escapes, control characters, DEL",
            "plain ascii record with nothing else in it"u8.ToArray(),
            [("a", "caf\u00E9 au lait"), ("b", "x\uD800yzabcdefghij"), ("c", "say \"hi\" to C:\\temp\n"), ("d", "tab\there\u0001\u001F"),
             ("e", "del\u007Fchar"), ("f", "\u00E9"), ("g", "\"q\""), ("h", ""), ("i", "\u20AC12"), ("j", "\uD83D\uDE00"), ("k", "a\\b")]),
        ("ascii: escaped text found in the record is a slice, not escaped",
            "msg=\"quoted \\\\ and tab\there\" end"u8.ToArray(),
            [("a", "\"quoted \\\\ and tab\there\""), ("b", "tab\there"), ("c", "\"q")]),
        ("non-ASCII record: offsets count UTF-16 code units, not bytes",
            "h\u00F4te=caf\u00E9.example msg=\u00FCber alles und mehr user=\u00E5sa"u8.ToArray(),
            [("host", "caf\u00E9.example"), ("message", "\u00FCber alles und mehr"), ("user", "\u00E5sa"), ("tail", "alles und mehr user")]),
        ("non-ASCII record: no slice cuts a surrogate pair",
            "a\uD83D\uDE00bcdefghij abcdefgh\uD83D\uDE00ij"u8.ToArray(),
            [("a", "\uDE00bcdefghi"), ("b", "bcdefgh\uD83D"), ("c", "\uD83D\uDE00bcdefghij"), ("d", "abcdefgh\uD83D\uDE00")]),
        ("invalid UTF-8: the record reads as U+FFFD where it is broken",
            [.. "start "u8, 0xFF, .. " middle "u8, 0xC3, .. " end of the record"u8],
            [("a", "middle \uFFFD end"), ("b", "end of the record"), ("c", "start \uFFFD middle"), ("d", "start \u00FF middle")]),
        ("empty record",
            [],
            [("a", "a value that is long"), ("b", "short"), ("c", null)]),
        ("names: known, unknown, needing escapes",
            "the record text"u8.ToArray(),
            [("syslog.hostname", "the record"), ("odd \"name\"", "x"), ("caf\u00E9.field", "record text"), ("n\u0001", null)]),
    ];

    // As the build before the UTF-8 search wrote them (from the decoded text), in the order of Cases.
    private static readonly string[] Written =
    [
        "[[6,\"mail\"],[7,[25,13]],[0,[46,58]],[1,null],[16,[73,11]],[17,\"LOGIN\"],[\"custom\",[87,17]]]",
        "[[\"a\",[10,10]],[\"b\",[20,10]],[\"c\",[18,10]],[\"d\",[0,11]],[\"e\",[9,12]]]",
        "[[\"a\",[10,9]],[\"b\",[20,9]],[\"c\",0],[\"d\",[20,19]]]",
        "[[\"a\",\"caf\u00E9 au lait\"],[\"b\",\"x\uFFFDyzabcdefghij\"],[\"c\",\"say \\\"hi\\\" to C:\\\\temp\\n\"],[\"d\",\"tab\\there\\u0001\\u001F\"],[\"e\",\"del\u007Fchar\"],[\"f\",\"\u00E9\"],[\"g\",\"\\\"q\\\"\"],[\"h\",\"\"],[\"i\",\"\u20AC12\"],[\"j\",\"\uD83D\uDE00\"],[\"k\",\"a\\\\b\"]]",
        "[[\"a\",[4,24]],[\"b\",[19,8]],[\"c\",\"\\\"q\"]]",
        "[[124,[5,12]],[0,[22,19]],[126,\"\u00E5sa\"],[\"tail\",[27,19]]]",
        "[[\"a\",\"\uFFFDbcdefghi\"],[\"b\",\"bcdefgh\uFFFD\"],[\"c\",[1,11]],[\"d\",[13,10]]]",
        "[[\"a\",[8,12]],[\"b\",[17,17]],[\"c\",[0,14]],[\"d\",\"start \u00FF middle\"]]",
        "[[\"a\",\"a value that is long\"],[\"b\",\"short\"],[\"c\",null]]",
        "[[6,[0,10]],[\"odd \\\"name\\\"\",\"x\"],[\"caf\u00E9.field\",[4,11]],[\"n\\u0001\",null]]",
    ];

    public static TheoryData<string, string, (string Name, string? Value)[]> StoredRows => new()
    {
        // Rows written before codes and slices: names and values as text, a back-reference.
        { """[["syslog.hostname","mail"],["message","connect from x y z w"],["syslog.message",1],["n",null]]""", "", [("syslog.hostname", "mail"), ("message", "connect from x y z w"), ("syslog.message", "connect from x y z w"), ("n", null)] },
        // Known names by code, a slice of the raw record, and a back-reference to the slice.
        { """[[6,"mail"],[0,[5,9]],[1,1],["custom",[0,4]]]""", "0123456789abcdef", [("syslog.hostname", "mail"), ("message", "56789abcd"), ("syslog.message", "56789abcd"), ("custom", "0123")] },
        // Damaged or foreign: a slice past the end and a back-reference ahead read as null; an unknown code keeps its number.
        { """[[0,[10,7]],[1,5],[99999,"x"]]""", "short", [("message", null), ("syslog.message", null), ("#99999", "x")] },
    };

    [Theory]
    [MemberData(nameof(StoredRows))]
    public void Stored_rows_of_every_form_read_back(string json, string raw, (string Name, string? Value)[] expected)
    {
        Assert.Equal(expected.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)), FieldsJson.Read(json, raw));
    }

    [Fact]
    public void A_syslog_row_is_stored_with_codes_and_slices_and_reads_back_the_same()
    {
        var message = Raw[(Raw.IndexOf(": 3A", StringComparison.Ordinal) + 2)..];
        var e = Event(
            ("syslog.priority", "22"), ("syslog.hostname", "mail"), ("syslog.appname", "postfix/smtpd"), ("syslog.procid", "4242"),
            ("message", message), ("postfix.client_ip", "203.0.113.7"), ("not.in.raw", "a value not in the record"));
        e.Add("syslog.message", message);

        var json = new FieldsJson().Write(e, Raw);

        Assert.Equal(e.Fields(), FieldsJson.Read(json, Raw));
        Assert.DoesNotContain("syslog.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("client=", json, StringComparison.Ordinal); // the message is a slice
        Assert.Contains("\"a value not in the record\"", json, StringComparison.Ordinal);
        Assert.True(json.Length < 150, json);
    }

    [Theory]
    [InlineData("a\uD83D\uDE00bcdefghij", "\uDE00bcdefghi")] // would start inside a surrogate pair
    [InlineData("abcdefgh\uD83D\uDE00ij", "bcdefgh\uD83D")] // would end inside one
    [InlineData("quote \"and\" back\\slash \n", "\"and\" back\\slash \n")] // a slice is not escaped text
    [InlineData("x\uD800yzabcdefghij", "x\uD800yzabcdefghij")] // a lone surrogate reads as U+FFFD either way
    public void Values_are_sliced_only_where_the_slice_reads_back_as_the_value_would(string raw, string value)
    {
        var e = Event(("v", value));
        var stored = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(raw)); // the raw record as the row holds it

        var read = Assert.Single(FieldsJson.Read(new FieldsJson().Write(e, raw), stored));

        Assert.Equal(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)), read.Value);
    }

    public static TheoryData<int> CaseNumbers => [.. Enumerable.Range(0, Cases.Length)];

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void Writing_from_the_record_bytes_gives_what_writing_from_its_text_gave(int number)
    {
        var (name, raw, fields) = Cases[number];
        var e = Event(fields);
        var text = Encoding.UTF8.GetString(raw); // the raw record as the row holds it, invalid UTF-8 as U+FFFD

        var fromBytes = Encoding.UTF8.GetString(new FieldsJson().WriteUtf8(e, raw));

        Assert.True(Written[number] == fromBytes, $"{name}: {fromBytes}");
        Assert.Equal(Written[number], new FieldsJson().Write(e, text));
        Assert.Equal(e.Fields().Select(f => f.Value is null ? f : new(f.Key, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(f.Value)))), FieldsJson.Read(fromBytes, text));
    }

    [Fact]
    public void One_writer_reused_across_records_of_both_forms_writes_each_as_a_fresh_one_would()
    {
        var writer = new FieldsJson();
        foreach (var number in Enumerable.Range(0, Cases.Length).Reverse().Concat(Enumerable.Range(0, Cases.Length)))
        {
            var (_, raw, fields) = Cases[number];
            Assert.Equal(Written[number], Encoding.UTF8.GetString(writer.WriteUtf8(Event(fields), raw)));
        }
    }

    [Fact]
    public void Random_records_and_values_are_written_alike_from_bytes_and_from_text()
    {
        // Records all ASCII (searched as bytes) and not (decoded first), values cut from them, altered, or made up.
        string[] pieces = ["ab", "xyz", " ", "\"", "\\", "\n", "\u0001", "\u007F", "\u00E9", "\u20AC", "\uD83D\uDE00", "\uD800"];
        byte[][] broken = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80]];
        var random = new Random(20261129);
        var writer = new FieldsJson();
        for (var n = 0; n < 2000; n++)
        {
            var ascii = n % 2 == 0;
            var bytes = new List<byte>();
            for (var i = random.Next(40); i > 0; i--)
            {
                bytes.AddRange(!ascii && random.Next(8) == 0 ? broken[random.Next(broken.Length)] : Encoding.UTF8.GetBytes(pieces[random.Next(ascii ? 8 : pieces.Length)]));
            }

            var raw = bytes.ToArray();
            var text = Encoding.UTF8.GetString(raw);
            var e = new LogEvent();
            for (var f = random.Next(1, 8); f > 0; f--)
            {
                var start = random.Next(text.Length + 1);
                var value = text.Substring(start, random.Next(text.Length - start + 1));
                e.Add("f" + random.Next(4), random.Next(4) switch
                {
                    0 => value,
                    1 => value.Length > 0 ? value.Remove(random.Next(value.Length), 1).Insert(0, pieces[random.Next(pieces.Length)]) : null,
                    2 => string.Concat(Enumerable.Range(0, random.Next(12)).Select(_ => pieces[random.Next(pieces.Length)])),
                    _ => e.Count > 0 ? e.ValueAt(random.Next(e.Count)) : value,
                });
            }

            var fromText = new FieldsJson().Write(e, text);
            Assert.Equal(fromText, Encoding.UTF8.GetString(writer.WriteUtf8(e, raw)));
        }
    }

    [Fact]
    public void Known_field_names_are_only_ever_appended()
    {
        // Stored rows refer to these by position. Append new names at the end; never edit, remove or reorder.
        const int Shipped = 127;
        var names = KnownFieldNames.Names;

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.True(names.Count >= Shipped);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', names.Take(Shipped)))));
        Assert.Equal("E131D670CD379DD892E047F5C22CA4E2B529766E31EAC5721685E1BDC04A43C5", hash);
        Assert.Equal((6, "syslog.hostname"), (KnownFieldNames.CodeOf("syslog.hostname"), KnownFieldNames.NameOf(6)));
        Assert.Equal(-1, KnownFieldNames.CodeOf("not.a.known.name"));
    }

    private static LogEvent Event(params (string Name, string? Value)[] fields)
    {
        var e = new LogEvent();
        foreach (var (name, value) in fields)
        {
            e.Add(name, value);
        }

        return e;
    }
}
