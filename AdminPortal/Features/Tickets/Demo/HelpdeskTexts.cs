namespace AdminPortal.Features.Tickets.Demo;

/// <summary>
/// What students write and staff answer, per category of <see cref="HelpdeskCatalogue"/>: a ticket's description
/// ("{room}" its room), the staff's replies, the student's follow-ups and internal notes fit its category.
/// </summary>
internal static class HelpdeskTexts
{
    public sealed record Texts(string[] Descriptions, string[] StaffReplies, string[] StudentReplies, string[] Notes);

    public static readonly IReadOnlyDictionary<string, Texts> ByCategory = new Dictionary<string, Texts>
    {
        ["Mess"] = new(
            ["Happened at today's meal, several of us noticed it.", "Third time this week at the {hostel} mess.",
             "The food was served cold and the counter staff said nothing can be done.", "Please check the kitchen, it is affecting many students."],
            ["We have spoken to the mess contractor; the kitchen will be checked today.", "Menu and cooking time are being reviewed with the caterer.",
             "The rebate will show in next month's bill.", "Thanks for reporting, the counter has been cleaned."],
            ["Still the same at dinner today.", "Better today, thanks.", "Can the rebate be applied this month itself?"],
            ["Caterer warned in writing.", "Hygiene inspection booked for Friday.", "Check the billing export for double entries."]),
        ["Maintenance"] = new(
            ["Room {room}: it stopped working last night.", "It has been like this since Monday, please send someone.",
             "Water is collecting on the floor, it is slippery.", "The switchboard makes a noise when I turn it on."],
            ["An electrician will visit between 3 and 5 pm today.", "The plumber has been assigned, please keep the room open.",
             "Part is on order; we will fix it as soon as it arrives.", "Fixed it this morning, please confirm."],
            ["Nobody came yet.", "It works now, thank you!", "It started leaking again in the evening."],
            ["Spare part ordered from the store.", "Same complaint from the floor last week; check the wiring.", "Forwarded to the estate office."]),
        ["Internet"] = new(
            ["The Wi-Fi drops every few minutes in room {room}.", "Speed is below 1 Mbps after 10 pm.",
             "My laptop connects but there is no internet.", "The access point on our floor has a red light."],
            ["We restarted the access point on your floor, please check now.", "Can you share your device's MAC address?",
             "The LAN port has been re-patched.", "There was an upstream outage; it is restored now."],
            ["Still disconnecting.", "Working fine now.", "MAC address is 3C:22:FB:91:0A:7E."],
            ["AP-3F firmware outdated.", "Possible IP conflict, check the DHCP lease table.", "Cable run needs replacing."]),
        ["Housekeeping"] = new(
            ["The room has not been cleaned for days.", "Garbage is piling up near the staircase.",
             "Laundry token given on Monday, clothes not back yet.", "Saw cockroaches near the pantry again."],
            ["Housekeeping will clean the room tomorrow morning.", "Pest control is scheduled for this Saturday.",
             "We found your clothes; please collect them from the laundry room.", "The dustbins are cleared now."],
            ["Thanks, it is clean now.", "Still missing one shirt.", "Can pest control come before the exams?"],
            ["Cleaning staff short this week.", "Laundry vendor informed.", "Pest control contract renewal due."]),
        ["Academics"] = new(
            ["The portal shows me absent on days I attended.", "My grade for last semester is still not published.",
             "Course registration gives an error for my elective.", "Two of my courses clash in the timetable."],
            ["The attendance has been corrected; please check the portal.", "Your request is with the course coordinator.",
             "The registration window has been reopened for you.", "The timetable clash is being resolved by the academic office."],
            ["Thank you, it is updated.", "Any update on this?", "The deadline is on Friday, please help."],
            ["Needs the dean's approval.", "Faculty asked for the attendance sheet.", "Checked with the exam cell."]),
        ["Security"] = new(
            ["Lost near the library yesterday evening.", "There was someone we did not know on our floor at night.",
             "The light at the gate has been off for two nights.", "Please check the CCTV near the bicycle stand."],
            ["Security has been informed and the guard will check tonight.", "Please collect it from the security office with your ID.",
             "CCTV footage is being reviewed.", "The light has been replaced."],
            ["Thank you, I got it back.", "Still nothing found.", "Thanks for the quick response."],
            ["Guard rota changed for the night shift.", "Informed the warden.", "CCTV camera 4 is offline."]),
    };
}
