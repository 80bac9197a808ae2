namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// Everything the log generators share: the clinic, the period, where each person is each day, and the attack plan.
/// </summary>
internal sealed class World
{
    /// <summary>The first day of the generated period (UTC midnight): the summer the Guernsey breach began.</summary>
    public static readonly DateTime Start = new(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Place?[,] _where;

    public World(int seed, int days)
    {
        Days = days;
        Clinic = Clinic.Create(new Random(Derive(seed, 1)));
        var random = new Random(Derive(seed, 2));
        _where = new Place?[Clinic.Staff.Count, days];
        for (var s = 0; s < Clinic.Staff.Count; s++)
        {
            var staff = Clinic.Staff[s];
            for (var d = 0; d < days; d++)
            {
                var day = Day(d);
                var works = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && random.NextDouble() > 0.06;
                var remote = staff.HomeIp.Country == "JE" || (staff.Role is "Administrator" or "Finance officer" && random.NextDouble() < 0.2);
                _where[s, d] = works ? (remote ? staff.HomeIp : Places.Office) : (random.NextDouble() < 0.3 ? staff.HomeIp : null);
            }
        }

        // A few trips: a conference in the UK for three people, a week's holiday in Malaga for one.
        for (var t = 0; t < 3; t++)
        {
            Trip(random.Next(Clinic.Staff.Count), random.Next(days), 3, Places.UkTrip(random));
        }

        Traveller = random.Next(Clinic.Staff.Count);
        HolidayStart = random.Next(days);
        Trip(Traveller, HolidayStart, 7, Places.Malaga(random));
        Attack = AttackPlan.Create(new Random(Derive(seed, 3)), Clinic, days);
        foreach (var victim in Attack.Victims)
        {
            // The victims work on the attack day, in the office (the impossible travel starts from there).
            _where[victim, Attack.DayIndex] = Places.Office;
        }
    }

    public int Days { get; }

    public Clinic Clinic { get; }

    public AttackPlan Attack { get; }

    /// <summary>The staff member (index) who spends a week in Malaga.</summary>
    public int Traveller { get; }

    /// <summary>The first day (index) of the traveller's week in Malaga.</summary>
    public int HolidayStart { get; }

    public DateTime End => Start.AddDays(Days);

    public static DateTime Day(int index) => Start.AddDays(index);

    /// <summary>Where staff member <paramref name="staff"/> connects from on day <paramref name="day"/>, or null (offline).</summary>
    public Place? Where(int staff, int day) => _where[staff, day];

    /// <summary>A seed for one generator, so that generators do not share (and disturb) one random sequence.</summary>
    public static int Derive(int seed, int stream) => unchecked((seed * 7919) + (stream * 104_729));

    private void Trip(int staff, int firstDay, int length, Place place)
    {
        for (var d = firstDay; d < Math.Min(Days, firstDay + length); d++)
        {
            _where[staff, d] = place;
        }
    }
}
