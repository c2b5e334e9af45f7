using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets.Demo;

/// <summary>Hostels (1 Neeladri, 2 Velankani, ...), batches and class sections.</summary>
internal sealed record DemoCampus(List<Hostel> Hostels, List<Batch> Batches, List<ClassSection> Sections)
{
    public static async Task<DemoCampus> SeedAsync(PortalDbContext db, CancellationToken ct)
    {
        var hostels = new List<Hostel>();
        // One at a time: the demo accounts' scopes name hostel ids 1 and 2, so insertion order must be id order.
        foreach (var name in HelpdeskCatalogue.Hostels)
        {
            var hostel = new Hostel { Name = name };
            db.Add(hostel);
            await db.SaveChangesAsync(ct);
            hostels.Add(hostel);
        }
        if (hostels[0].Id != 1 || hostels[1].Id != 2)
            throw new InvalidOperationException(
                $"The helpdesk demo needs an empty helpdesk.hostels (Neeladri got id {hostels[0].Id}); run seed --reset.");
        var batches = HelpdeskCatalogue.BatchYears.Select(y => new Batch { Year = y, Name = $"Batch {y}" }).ToList();
        db.AddRange(batches);
        await db.SaveChangesAsync(ct);
        var sections = batches
            .SelectMany(b => HelpdeskCatalogue.Sections.Select(s => new ClassSection { Name = s, BatchId = b.Id }))
            .ToList();
        db.AddRange(sections);
        await db.SaveChangesAsync(ct);
        return new DemoCampus(hostels, batches, sections);
    }
}
