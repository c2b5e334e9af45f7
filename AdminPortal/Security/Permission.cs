namespace AdminPortal.Security;

/// <summary>What a signed-in person may do; each is an authorization policy of the same name.</summary>
public enum Permission
{
    ViewDashboard,
    ModerateProducts,
    ReopenProducts,
    TriageTickets,
    ManageCategories,
    ManageUsers,
    ManageRoles,
    BrowseChats,
    HideMessages,
}
