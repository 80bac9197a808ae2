using System.Security.Cryptography;
using System.Text;
using Vigil.Events;
using Vigil.Storage.Events;

namespace Vigil.Storage.Tests.Events;

/// <summary>The stored form of fields: known names as codes, back-references, slices of the raw record.</summary>
public sealed class FieldsJsonTests
{
    private const string Raw = "<22>Mar  1 10:00:00 mail postfix/smtpd[4242]: 3A00000001: client=unknown[203.0.113.7], sasl_method=LOGIN";

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
