namespace AdminPortal.Features.Tickets.Demo;

/// <summary>
/// The demo's staff: the two demo accounts (hostel A and B generalists), hostel staff of the other hostels, category
/// specialists and the escalation contacts. Hostel staff are asked first (priority 0) in their hostel;
/// specialists serve every hostel (priority 1) and are the category's primary.
/// </summary>
internal static class DemoStaffPlan
{
    public sealed record Person(string Email, string Name, int? HostelId, string[] Categories, bool Primary);

    public const string StaffA = "staff.a@adminportal.demo";
    public const string StaffB = "staff.b@adminportal.demo";

    public static readonly Person[] People =
    [
        new(StaffA, "Sana Staff", 1, ["Mess", "Maintenance", "Housekeeping", "Internet", "Security"], false),
        new(StaffB, "Sid Staff", 2, ["Mess", "Maintenance", "Housekeeping", "Internet", "Security"], false),
        new("kiran.staff@campus.demo", "Kiran Kumar", 3, ["Mess", "Maintenance", "Housekeeping", "Security"], false),
        new("meena.staff@campus.demo", "Meena Pillai", 4, ["Mess", "Maintenance", "Housekeeping", "Security"], false),
        new("arjun.it@campus.demo", "Arjun Menon", null, ["Internet"], true),
        new("priya.acad@campus.demo", "Priya Raman", null, ["Academics"], true),
        new("rahul.mess@campus.demo", "Rahul Verma", null, ["Mess"], true),
        new("nair.estate@campus.demo", "Suresh Nair", null, ["Maintenance", "Housekeeping"], true),
        new("iyer.dean@campus.demo", "Lakshmi Iyer", null, ["Academics"], false),
        new("rao.warden@campus.demo", "Dr. Venkat Rao", null, ["Security"], true),
    ];

    /// <summary>Escalation ladders: category -> staff email per level (1, 2).</summary>
    public static readonly Dictionary<string, string[]> Ladders = new()
    {
        ["Mess"] = ["rahul.mess@campus.demo", "rao.warden@campus.demo"],
        ["Maintenance"] = ["nair.estate@campus.demo", "rao.warden@campus.demo"],
        ["Housekeeping"] = ["nair.estate@campus.demo", "rao.warden@campus.demo"],
        ["Internet"] = ["arjun.it@campus.demo", "rao.warden@campus.demo"],
        ["Academics"] = ["priya.acad@campus.demo", "iyer.dean@campus.demo"],
        ["Security"] = ["rao.warden@campus.demo"],
    };
}
