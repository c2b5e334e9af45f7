namespace AdminPortal.Features.Tickets.Demo;

/// <summary>The demo campus: hostels, categories with their subcategories, SLAs and sample complaints.</summary>
internal static class HelpdeskCatalogue
{
    /// <summary>Order matters: ids 1 and 2 are the hostels of the demo staff accounts (A and B).</summary>
    public static readonly string[] Hostels = ["Neeladri", "Velankani", "Kaveri", "Godavari"];

    public static readonly int[] BatchYears = [2026, 2027, 2028, 2029];

    public static readonly string[] Sections = ["A", "B", "C"];

    public static readonly string[] Departments =
        ["Computer Science", "Electronics", "Mechanical", "Civil", "Data Science", "Design"];

    public sealed record Sub(string Name, int? SlaHours, string[] Titles);

    public sealed record Cat(string Name, int SlaHours, string Description, Sub[] Subs);

    public static readonly Cat[] Categories =
    [
        new("Mess", 24, "Food quality, hygiene, timings and billing", [
            new("Food quality", null, ["Undercooked rice at lunch", "Stale bread at breakfast", "Hair found in dal"]),
            new("Hygiene", 12, ["Dirty plates at the counter", "Flies near the serving area", "Water cooler not cleaned"]),
            new("Billing", 72, ["Charged for meals during leave", "Mess rebate not applied", "Double deduction this month"]),
        ]),
        new("Maintenance", 48, "Electrical, plumbing, carpentry and furniture", [
            new("Electrical", 24, ["Fan not working", "Tube light flickering", "Power socket sparks"]),
            new("Plumbing", 24, ["Tap leaking in washroom", "No hot water in the morning", "Blocked drain on the floor"]),
            new("Carpentry", null, ["Cupboard door broken", "Bed plank cracked", "Window latch missing"]),
        ]),
        new("Internet", 12, "Wi-Fi and LAN connectivity", [
            new("Wi-Fi", null, ["Wi-Fi keeps disconnecting", "No Wi-Fi signal in room", "Very slow Wi-Fi at night"]),
            new("LAN", 24, ["LAN port dead", "LAN cable damaged", "IP conflict on LAN"]),
        ]),
        new("Housekeeping", 24, "Room and common-area cleaning, laundry", [
            new("Room cleaning", null, ["Room not cleaned this week", "Dustbin not emptied", "Corridor floor sticky"]),
            new("Laundry", 48, ["Clothes lost in laundry", "Laundry returned wet", "Laundry slot missed"]),
            new("Pest control", 48, ["Cockroaches in the room", "Mosquito problem on the floor", "Rats near the pantry"]),
        ]),
        new("Academics", 72, "Timetable, grades, attendance and course registration", [
            new("Attendance", null, ["Attendance marked absent wrongly", "Medical leave not updated", "Biometric not recording"]),
            new("Grades", 120, ["Grade not published", "Re-evaluation request pending", "Marks mismatch in portal"]),
            new("Registration", 48, ["Cannot register for elective", "Course clash in timetable", "Credit limit error"]),
        ]),
        new("Security", 6, "Lost items, visitors and safety", [
            new("Lost and found", 24, ["Lost ID card", "Bicycle missing from stand", "Wallet left in library"]),
            new("Safety", 2, ["Fire extinguisher expired", "Main gate light broken", "Stranger in the corridor"]),
        ]),
    ];
}
