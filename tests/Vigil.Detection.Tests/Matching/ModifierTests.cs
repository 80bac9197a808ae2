using Vigil.Detection.Tests.Support;

namespace Vigil.Detection.Tests.Matching;

public sealed class ModifierTests
{
    // (detection YAML, field name, field value, expected)
    public static TheoryData<string, string, string?, bool> Cases => new()
    {
        // Plain values: whole value, case-insensitive, wildcards.
        { "sel:\n    Image: 'C:\\Windows\\cmd.exe'\ncondition: sel", "Image", "c:\\windows\\CMD.EXE", true },
        { "sel:\n    Image: 'C:\\Windows\\cmd.exe'\ncondition: sel", "Image", "C:\\Windows\\cmd.exe.bak", false },
        { "sel:\n    Image: '*\\cmd.exe'\ncondition: sel", "Image", "D:\\x\\cmd.exe", true },
        { "sel:\n    Image: 'C:\\\\*\\cmd.exe'\ncondition: sel", "Image", "C:\\a\\b\\cmd.exe", true },
        { "sel:\n    Image: 'C:\\\\*\\cmd.exe'\ncondition: sel", "Image", "D:\\a\\cmd.exe", false },
        { "sel:\n    Image: 'C:\\*\\cmd.exe'\ncondition: sel", "Image", "C:*\\cmd.exe", true },
        { "sel:\n    Image: 'C:\\*\\cmd.exe'\ncondition: sel", "Image", "C:\\a\\cmd.exe", false },
        { "sel:\n    Image: 'cm?.exe'\ncondition: sel", "Image", "cmd.exe", true },
        { "sel:\n    Image: 'cm?.exe'\ncondition: sel", "Image", "cm.exe", false },
        { "sel:\n    Image: 'a\\*b'\ncondition: sel", "Image", "a*b", true },
        { "sel:\n    Image: 'a\\*b'\ncondition: sel", "Image", "axxb", false },
        { "sel:\n    Image: 'a\\?b'\ncondition: sel", "Image", "axb", false },
        { "sel:\n    Image: 'x\\\\*'\ncondition: sel", "Image", "x\\anything", true },
        { "sel:\n    Image: 'x\\\\*'\ncondition: sel", "Image", "x*", false },
        { "sel:\n    EventID: 4688\ncondition: sel", "EventID", "4688", true },
        { "sel:\n    EventID:\n        - 1\n        - 4688\ncondition: sel", "EventID", "1", true },
        { "sel:\n    Field: ''\ncondition: sel", "Field", "", true },
        { "sel:\n    Field: ''\ncondition: sel", "Field", "x", false },
        // contains, startswith, endswith, all.
        { "sel:\n    CommandLine|contains: ' -enc '\ncondition: sel", "CommandLine", "powershell -ENC abc", true },
        { "sel:\n    CommandLine|contains: ' -enc '\ncondition: sel", "CommandLine", "powershell -encoded", false },
        { "sel:\n    CommandLine|startswith: 'powershell'\ncondition: sel", "CommandLine", "PowerShell.exe -nop", true },
        { "sel:\n    CommandLine|startswith: 'powershell'\ncondition: sel", "CommandLine", "C:\\powershell", false },
        { "sel:\n    CommandLine|endswith: '.ps1'\ncondition: sel", "CommandLine", "run x.PS1", true },
        { "sel:\n    CommandLine|contains|all:\n        - 'a'\n        - 'b'\ncondition: sel", "CommandLine", "xbxa", true },
        { "sel:\n    CommandLine|contains|all:\n        - 'a'\n        - 'b'\ncondition: sel", "CommandLine", "xxxa", false },
        { "sel:\n    CommandLine|contains:\n        - 'a'\n        - 'b'\ncondition: sel", "CommandLine", "xxxa", true },
        { "sel:\n    CommandLine|contains: 'foo*bar'\ncondition: sel", "CommandLine", "xxfooYYbarzz", true },
        // cased.
        { "sel:\n    User|cased: 'Admin'\ncondition: sel", "User", "admin", false },
        { "sel:\n    User|cased: 'Admin'\ncondition: sel", "User", "Admin", true },
        { "sel:\n    User|contains|cased: 'dm'\ncondition: sel", "User", "ADMIN", false },
        // exists.
        { "sel:\n    User|exists: true\ncondition: sel", "User", null, true },
        { "sel:\n    User|exists: true\ncondition: sel", "Other", "x", false },
        { "sel:\n    User|exists: false\ncondition: sel", "Other", "x", true },
        // null.
        { "sel:\n    User: null\ncondition: sel", "Other", "x", true },
        { "sel:\n    User: null\ncondition: sel", "User", null, true },
        { "sel:\n    User: null\ncondition: sel", "User", "bob", false },
        // neq.
        { "sel:\n    User|neq: 'bob'\ncondition: sel", "User", "alice", true },
        { "sel:\n    User|neq: 'bob'\ncondition: sel", "User", "BOB", false },
        { "sel:\n    User|neq:\n        - 'bob'\n        - 'eve'\ncondition: sel", "User", "eve", false },
        { "sel:\n    Count|neq: 5\ncondition: sel", "Count", "5.0", false },
        // windash: -, /, en dash, em dash, horizontal bar at flag starts.
        { "sel:\n    CommandLine|windash|contains: ' -exec '\ncondition: sel", "CommandLine", "x /exec y", true },
        { "sel:\n    CommandLine|windash|contains: ' -exec '\ncondition: sel", "CommandLine", "x \u2013exec y", true },
        { "sel:\n    CommandLine|windash|contains: ' -exec '\ncondition: sel", "CommandLine", "x \u2014exec y", true },
        { "sel:\n    CommandLine|windash|contains: ' -exec '\ncondition: sel", "CommandLine", "x \u2015exec y", true },
        { "sel:\n    CommandLine|windash|contains: ' -exec '\ncondition: sel", "CommandLine", "x +exec y", false },
        // re with flags.
        { "sel:\n    CommandLine|re: 'ab+c'\ncondition: sel", "CommandLine", "xxabbbcxx", true },
        { "sel:\n    CommandLine|re: 'ab+c'\ncondition: sel", "CommandLine", "xxABBBCxx", false },
        { "sel:\n    CommandLine|re|i: 'ab+c'\ncondition: sel", "CommandLine", "xxABBBCxx", true },
        { "sel:\n    CommandLine|re: '^b$'\ncondition: sel", "CommandLine", "a\nb\nc", false },
        { "sel:\n    CommandLine|re|m: '^b$'\ncondition: sel", "CommandLine", "a\nb\nc", true },
        { "sel:\n    CommandLine|re: 'a.c'\ncondition: sel", "CommandLine", "a\nc", false },
        { "sel:\n    CommandLine|re|s: 'a.c'\ncondition: sel", "CommandLine", "a\nc", true },
        // base64 and base64offset ("cmd" and "/c " at three byte offsets).
        { "sel:\n    Data|base64: 'cmd'\ncondition: sel", "Data", "Y21k", true },
        { "sel:\n    Data|base64|contains: 'cmd'\ncondition: sel", "Data", "xxY21kxx", true },
        { "sel:\n    Data|base64offset|contains: 'http'\ncondition: sel", "Data", Convert.ToBase64String("GET http://x"u8.ToArray()), true },
        { "sel:\n    Data|base64offset|contains: 'http'\ncondition: sel", "Data", Convert.ToBase64String("G http://x"u8.ToArray()), true },
        { "sel:\n    Data|base64offset|contains: 'http'\ncondition: sel", "Data", Convert.ToBase64String("Ghttp://x"u8.ToArray()), true },
        { "sel:\n    Data|base64offset|contains: 'http'\ncondition: sel", "Data", Convert.ToBase64String("GET ftp://x"u8.ToArray()), false },
        // utf16 encodings, then base64 (as PowerShell -EncodedCommand carries them).
        { "sel:\n    Data|wide|base64offset|contains: 'iex'\ncondition: sel", "Data", Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes("a; iex(x)")), true },
        { "sel:\n    Data|utf16le|base64: 'ab'\ncondition: sel", "Data", Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes("ab")), true },
        { "sel:\n    Data|utf16be|base64: 'ab'\ncondition: sel", "Data", Convert.ToBase64String(System.Text.Encoding.BigEndianUnicode.GetBytes("ab")), true },
        { "sel:\n    Data|utf16|base64: 'ab'\ncondition: sel", "Data", Convert.ToBase64String([0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("ab")]), true },
        { "sel:\n    Data|utf16le|base64: 'ab'\ncondition: sel", "Data", Convert.ToBase64String(System.Text.Encoding.BigEndianUnicode.GetBytes("ab")), false },
        // Numbers.
        { "sel:\n    Size|lt: 10\ncondition: sel", "Size", "9", true },
        { "sel:\n    Size|lt: 10\ncondition: sel", "Size", "10", false },
        { "sel:\n    Size|lte: 10\ncondition: sel", "Size", "10", true },
        { "sel:\n    Size|gt: 10\ncondition: sel", "Size", "10.5", true },
        { "sel:\n    Size|gte: 10\ncondition: sel", "Size", "9.99", false },
        { "sel:\n    Size|gte: 16\ncondition: sel", "Size", "0x10", true },
        { "sel:\n    Size|gt: 1\ncondition: sel", "Size", "many", false },
        // Time parts.
        { "sel:\n    When|hour: 3\ncondition: sel", "When", "2026-03-01T03:15:00Z", true },
        { "sel:\n    When|hour|gte: 22\ncondition: sel", "When", "2026-03-01T23:15:00Z", true },
        { "sel:\n    When|hour|gte: 22\ncondition: sel", "When", "2026-03-01T21:15:00Z", false },
        { "sel:\n    When|minute: 15\ncondition: sel", "When", "2026-03-01T23:15:00Z", true },
        { "sel:\n    When|day: 1\ncondition: sel", "When", "2026-03-01T23:15:00Z", true },
        { "sel:\n    When|week: 9\ncondition: sel", "When", "2026-03-01T23:15:00Z", true },
        { "sel:\n    When|month|lt: 4\ncondition: sel", "When", "2026-03-01T23:15:00Z", true },
        { "sel:\n    When|year: 2026\ncondition: sel", "When", "1767225600", true },
        { "sel:\n    When|year: 2026\ncondition: sel", "When", "not a date", false },
        // CIDR, IPv4 and IPv6.
        { "sel:\n    Ip|cidr: '10.0.0.0/8'\ncondition: sel", "Ip", "10.20.30.40", true },
        { "sel:\n    Ip|cidr: '10.0.0.0/8'\ncondition: sel", "Ip", "11.0.0.1", false },
        { "sel:\n    Ip|cidr: '10.0.0.0/8'\ncondition: sel", "Ip", "::ffff:10.1.2.3", true },
        { "sel:\n    Ip|cidr: 'fe80::/10'\ncondition: sel", "Ip", "fe80::1", true },
        { "sel:\n    Ip|cidr: '::1/128'\ncondition: sel", "Ip", "::1", true },
        { "sel:\n    Ip|cidr: '::1/128'\ncondition: sel", "Ip", "::2", false },
        { "sel:\n    Ip|cidr:\n        - '192.168.0.0/16'\n        - '2001:db8::/32'\ncondition: sel", "Ip", "2001:db8::5", true },
        { "sel:\n    Ip|cidr: '10.0.0.0/8'\ncondition: sel", "Ip", "not-an-ip", false },
        // Keywords (no field): searched in every value.
        { "keywords:\n    - 'mimikatz'\n    - 'sekurlsa'\ncondition: keywords", "Anything", "run SEKURLSA::logonpasswords", true },
        { "keywords:\n    - 'mimikatz'\ncondition: keywords", "Anything", "benign", false },
        { "keywords:\n    '|all':\n        - 'a'\n        - 'b'\ncondition: keywords", "Anything", "ab", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Modifier_matches_as_the_specification_says(string detection, string field, string? value, bool expected)
    {
        var e = Sigma.Event(("Unrelated", "zzz"), (field, value));
        Assert.Equal(expected, Sigma.Matches(detection, e));
    }

    [Fact]
    public void Fieldref_compares_two_fields_of_the_same_event()
    {
        const string detection = "sel:\n    ParentUser|fieldref: User\ncondition: sel";
        Assert.True(Sigma.Matches(detection, Sigma.Event(("User", "CORP\\bob"), ("ParentUser", "corp\\BOB"))));
        Assert.False(Sigma.Matches(detection, Sigma.Event(("User", "CORP\\bob"), ("ParentUser", "CORP\\eve"))));
        Assert.False(Sigma.Matches(detection, Sigma.Event(("ParentUser", "CORP\\eve"))));
        Assert.True(Sigma.Matches("sel:\n    CommandLine|fieldref|contains: Name\ncondition: sel", Sigma.Event(("Name", "evil"), ("CommandLine", "run EVIL now"))));
    }

    [Fact]
    public void Array_values_match_when_any_element_matches()
    {
        var e = Sigma.Event(("Tags", "one"), ("Tags", "two"));
        Assert.True(Sigma.Matches("sel:\n    Tags: two\ncondition: sel", e));
        Assert.True(Sigma.Matches("sel:\n    Tags|all:\n        - one\n        - two\ncondition: sel", e));
        Assert.False(Sigma.Matches("sel:\n    Tags: three\ncondition: sel", e));
    }

    [Fact]
    public void A_list_of_maps_is_a_disjunction_and_a_map_a_conjunction()
    {
        const string detection = "sel:\n    - A: 1\n      B: 2\n    - C: 3\ncondition: sel";
        Assert.True(Sigma.Matches(detection, Sigma.Event(("A", "1"), ("B", "2"))));
        Assert.False(Sigma.Matches(detection, Sigma.Event(("A", "1"), ("B", "9"))));
        Assert.True(Sigma.Matches(detection, Sigma.Event(("C", "3"))));
    }

    [Fact]
    public void Windash_expands_every_flag_position()
    {
        var variants = Vigil.Detection.Compilation.ValueTransforms.Windash(" -a -b").ToList();
        Assert.Equal(25, variants.Count);
        Assert.Contains(" /a \u2013b", variants);
        Assert.Single(Vigil.Detection.Compilation.ValueTransforms.Windash("and/or x-y"));
    }

    [Fact]
    public void Expand_substitutes_placeholder_values()
    {
        var yaml = Sigma.Rule("sel:\n    User|expand: '%admins%'\ncondition: sel");
        var problems = new Vigil.Diagnostics.ProblemLog();
        var options = new Vigil.Detection.Engine.EngineOptions
        {
            Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["admins"] = ["root", "adm_*"] },
        };
        var engine = new Vigil.Detection.Engine.DetectionEngine(Vigil.Detection.Rules.RuleSet.Parse(yaml, "t.yml", problems), options, problems);
        var found = new List<Vigil.Detection.Engine.RuleMatch>();
        engine.Process(Sigma.Event(("User", "adm_bob")), found);
        engine.Process(Sigma.Event(("User", "bob")), found);
        Assert.Single(found);
        Assert.Empty(problems.Problems);
    }

    [Fact]
    public void Expand_without_values_skips_the_rule_and_names_the_placeholder()
    {
        var problems = Sigma.Problems(Sigma.Rule("sel:\n    User|expand: '%admins%'\ncondition: sel"));
        var problem = Assert.Single(problems.Problems);
        Assert.Equal("missing-placeholder", problem.Kind);
        Assert.Contains("%admins%", problem.Reason, StringComparison.Ordinal);
    }
}
