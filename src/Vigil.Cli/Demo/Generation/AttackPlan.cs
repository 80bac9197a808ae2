namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// When and against whom the attack happens: a weekday between 60% and 80% of the period (August for the default 100
/// days from 1 June), at night, then the next morning.
/// </summary>
internal sealed class AttackPlan
{
    private AttackPlan(int dayIndex, IReadOnlyList<int> victims, Random random)
    {
        DayIndex = dayIndex;
        Victims = victims;
        Day = World.Day(dayIndex);
        SprayStart = Ids.At(random, Day, 0.9, 1.2);
        ExploitStart = Ids.At(random, Day, 1.5, 1.8);
        ExportStart = ExploitStart.AddMinutes(6 + random.Next(4));
        WebShellStart = ExportStart.AddMinutes(4 + random.Next(3));
        ForwardingStart = Ids.At(random, Day, 2.6, 2.9);
        BulkAccessStart = ForwardingStart.AddMinutes(15 + random.Next(10));
        TravelStart = Ids.At(random, Day, 8.1, 8.4);
        PhishingStart = Ids.At(random, Day, 9.5, 10.0);
        SprayIp = Places.AttackerCloud(random);
        ExploitIp = Places.AttackerExploit(random);
        TravelIp = Places.AttackerTravel(random);
        ShellName = Ids.Hex(random, 8) + ".aspx";
        ProxyDomain = Ids.Hex(random, 6) + ".example";
        CollectAddress = "records.sync." + Ids.Hex(random, 4) + "@mailvault.example";
    }

    public int DayIndex { get; }

    public DateTime Day { get; }

    /// <summary>Staff indexes whose passwords the spray finds; the first is the mailbox that sends the phishing.</summary>
    public IReadOnlyList<int> Victims { get; }

    public DateTime SprayStart { get; }

    public DateTime ExploitStart { get; }

    public DateTime ExportStart { get; }

    public DateTime WebShellStart { get; }

    public DateTime ForwardingStart { get; }

    public DateTime BulkAccessStart { get; }

    public DateTime TravelStart { get; }

    public DateTime PhishingStart { get; }

    public Place SprayIp { get; }

    public Place ExploitIp { get; }

    public Place TravelIp { get; }

    public string ShellName { get; }

    /// <summary>The made-up domain after the <c>@</c> of the ProxyShell URLs.</summary>
    public string ProxyDomain { get; }

    /// <summary>Where the forwarding rules send mail.</summary>
    public string CollectAddress { get; }

    public static AttackPlan Create(Random random, Clinic clinic, int days)
    {
        var first = (int)(days * 0.6);
        var last = Math.Max(first, (int)(days * 0.8));
        static bool Weekday(int d) => World.Day(d).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var weekdays = Enumerable.Range(first, last - first + 1).Where(Weekday).ToList();
        if (weekdays.Count == 0)
        {
            // A short period whose window is a weekend: the nearest weekday after it, or else before it.
            weekdays.Add(Enumerable.Range(last + 1, Math.Max(0, days - last - 1)).Where(Weekday)
                .Concat(Enumerable.Range(0, first).Reverse().Where(Weekday)).DefaultIfEmpty(first).First());
        }

        var day = weekdays[random.Next(weekdays.Count)];

        var staff = clinic.Staff;
        var receptionists = Enumerable.Range(0, staff.Count).Where(i => staff[i].Role == "Receptionist").ToList();
        var gps = Enumerable.Range(0, staff.Count).Where(i => staff[i].Role == "GP").ToList();
        var manager = Enumerable.Range(0, staff.Count).First(i => staff[i].Role == "Practice manager");
        int[] victims = [receptionists[random.Next(receptionists.Count)], manager, gps[random.Next(gps.Count)]];
        return new AttackPlan(day, victims, random);
    }
}
