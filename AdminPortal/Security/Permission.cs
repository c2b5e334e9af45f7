namespace AdminPortal.Security;

/// <summary>What a signed-in person may do; each is an authorization policy of the same name.</summary>
public enum Permission
{
    ViewDashboard,
    ModerateProducts,
    ReopenProducts,
    /// <summary>Unpublish a published product (back to draft) or take it down (rejected): Admin.</summary>
    TakeDownProducts,
    TriageTickets,
    ManageCategories,
    ManageUsers,
    ManageRoles,
    BrowseChats,
    HideMessages,
    /// <summary>Read (and export) the whole audit log: Admin.</summary>
    ReadAuditLog,
}
