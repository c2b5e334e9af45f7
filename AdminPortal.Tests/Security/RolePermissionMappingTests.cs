using AdminPortal.Security;

namespace AdminPortal.Tests.Security;

public sealed class RolePermissionMappingTests
{
    [Theory]
    [InlineData(PortalRoles.Moderator, Permission.ModerateProducts, true)]
    [InlineData(PortalRoles.Moderator, Permission.TriageTickets, false)]
    [InlineData(PortalRoles.Moderator, Permission.ManageUsers, false)]
    [InlineData(PortalRoles.Staff, Permission.TriageTickets, true)]
    [InlineData(PortalRoles.Staff, Permission.BrowseChats, false)]
    [InlineData(PortalRoles.Staff, Permission.ModerateProducts, false)]
    [InlineData(PortalRoles.Admin, Permission.ManageRoles, true)]
    [InlineData(PortalRoles.Admin, Permission.ManageStaff, true)]
    [InlineData(PortalRoles.Staff, Permission.ManageStaff, false)]
    [InlineData(PortalRoles.Moderator, Permission.ManageStaff, false)]
    [InlineData(PortalRoles.User, Permission.ViewDashboard, false)]
    public void Roles_grant_exactly_their_permissions(string role, Permission permission, bool granted) =>
        Assert.Equal(granted, RolePermissionMapping.Grants([role], permission));
}
