namespace AdminPortal.Security;

/// <summary>Which role grants which permission (model: bitwarden/server RolePermissionMapping).</summary>
public static class RolePermissionMapping
{
    private static readonly Dictionary<string, Permission[]> Map = new()
    {
        [PortalRoles.Admin] = Enum.GetValues<Permission>(),
        // Moderators also keep Cloutsy's brands, creators and niches and Venta's vendors (issue 17); money (Venta's
        // subscriptions) stays with admins.
        [PortalRoles.Moderator] =
            [Permission.ViewDashboard, Permission.ModerateProducts, Permission.BrowseChats, Permission.HideMessages,
             Permission.VerifyBrands, Permission.ManageCreators, Permission.ManageVendors],
        [PortalRoles.Staff] = [Permission.ViewDashboard, Permission.TriageTickets],
        [PortalRoles.User] = [],
    };

    public static IReadOnlyList<Permission> PermissionsOf(string role) =>
        Map.TryGetValue(role, out var permissions) ? permissions : [];

    public static IEnumerable<string> RolesWith(Permission permission) =>
        Map.Where(kv => kv.Value.Contains(permission)).Select(kv => kv.Key);

    public static bool Grants(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => PermissionsOf(r).Contains(permission));
}
