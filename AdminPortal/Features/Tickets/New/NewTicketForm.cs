using AdminPortal.Components.Shared;

namespace AdminPortal.Features.Tickets.New;

/// <summary>The new-ticket form's draft, and which of its fields the last refusal was about.</summary>
public sealed class NewTicketForm
{
    public ActionGate Gate { get; } = new();
    public string? RollNo { get; set; }
    public int? CategoryId { get; set; }
    public int? SubcategoryId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }

    public string? ErrorFor(string field) => Gate.Last?.ErrorFor(field);
}
