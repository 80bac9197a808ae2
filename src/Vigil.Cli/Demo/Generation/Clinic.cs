using System.Globalization;

namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// The fictional clinic: 40 staff with made-up names at a reserved domain, and patients who are obviously fake
/// ("Patient 0042", addresses at example.net/org/com). No real person's data is generated.
/// </summary>
internal sealed class Clinic
{
    public const string Domain = "sarniahealth.example";
    public const string TenantDomain = "sarniahealth.onmicrosoft.com";
    public const string AppointmentsMailbox = "appointments@" + Domain;

    private static readonly string[] FirstNames =
    [
        "Amelia", "Oliver", "Isla", "Harry", "Ava", "George", "Mia", "Jack", "Ella", "Noah", "Grace", "Leo", "Freya",
        "Alfie", "Lily", "Oscar", "Sophie", "Thomas", "Ruby", "James", "Evie", "William", "Chloe", "Henry", "Daisy",
    ];

    private static readonly string[] Surnames =
    [
        "Le Page", "Ozanne", "Le Marchant", "Brehaut", "Mahy", "De Garis", "Robilliard", "Tostevin", "Le Prevost",
        "Bichard", "Falla", "Gallienne", "Le Tissier", "Domaille", "Ogier", "Queripel", "Le Cheminant", "Guille",
        "Martel", "Rabey", "Sarre", "Lihou", "Mauger", "Le Sauvage", "Torode",
    ];

    private static readonly (string Role, int Count)[] Roles =
    [
        ("GP", 8), ("Nurse", 10), ("Receptionist", 8), ("Administrator", 7), ("Pharmacist", 2),
        ("Physiotherapist", 2), ("Practice manager", 1), ("IT administrator", 1), ("Finance officer", 1),
    ];

    private static readonly string[] Phones = ["iPhone", "iPhone", "Android", "Android", "iPad"];

    private Clinic(IReadOnlyList<StaffMember> staff, IReadOnlyList<string> patients)
    {
        Staff = staff;
        Patients = patients;
    }

    public IReadOnlyList<StaffMember> Staff { get; }

    /// <summary>Patients' mail addresses (fake: <c>patient.0042@example.net</c>).</summary>
    public IReadOnlyList<string> Patients { get; }

    public StaffMember ByRole(string role) => Staff.First(s => s.Role == role);

    public static Clinic Create(Random random)
    {
        var staff = new List<StaffMember>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, count) in Roles)
        {
            for (var i = 0; i < count; i++)
            {
                string first, last, upn;
                do
                {
                    first = FirstNames[random.Next(FirstNames.Length)];
                    last = Surnames[random.Next(Surnames.Length)];
                    upn = $"{char.ToLowerInvariant(first[0])}.{last.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}@{Domain}";
                }
                while (!used.Add(upn));

                // Two administrators live in Jersey and work from home there.
                var home = role == "Administrator" && i < 2 ? Places.JerseyHome(random) : Places.GuernseyHome(random);
                var phone = random.NextDouble() < 0.7 ? Phones[random.Next(Phones.Length)] : null;
                staff.Add(new StaffMember($"{first} {last}", upn, role, Ids.NewGuid(random), home, phone, random.NextDouble() < 0.3));
            }
        }

        var domains = new[] { "example.net", "example.org", "example.com" };
        var patients = Enumerable.Range(1, 1200)
            .Select(n => string.Create(CultureInfo.InvariantCulture, $"patient.{n:D4}@{domains[n % domains.Length]}"))
            .ToList();
        return new Clinic(staff, patients);
    }
}
