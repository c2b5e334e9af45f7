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
    /// <summary>Staff profiles: hostel, categories and priority, capacity, away and hand-off (issue 18): Admin.</summary>
    ManageStaff,
    ManageUsers,
    ManageRoles,
    BrowseChats,
    HideMessages,
    /// <summary>Read (and export) the whole audit log: Admin.</summary>
    ReadAuditLog,
    /// <summary>Cloutsy: the brand verification queue and review (issue 17).</summary>
    VerifyBrands,
    /// <summary>Cloutsy: influencers, their OTPs, and the niche catalogue (issue 17).</summary>
    ManageCreators,
    /// <summary>Venta: vendors (close, reopen) (issue 17).</summary>
    ManageVendors,
    /// <summary>Venta: users' paid subscriptions (extend, cancel) and the expiry pass's record (issue 17).</summary>
    ManageSubscriptions,
    /// <summary>The outbox and the periodic workers (/system): retry and discard outbox events (issue 18): Admin.</summary>
    OperateSystem,
}
