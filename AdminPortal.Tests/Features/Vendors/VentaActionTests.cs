using AdminPortal.Features.Users;
using AdminPortal.Features.Vendors;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Vendors;

public sealed class VentaActionTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private VentaTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new VentaTestData(Fixture).SeedAsync();
    }

    private T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task A_vendor_is_closed_and_reopened_with_a_reason_each_time_audited()
    {
        var owner = await _data.OwnerAsync("Asha Rao");
        var vendor = await _data.VendorAsync(owner, "Asha's Dosa");
        await using var scope = Scope();
        var actions = Get<VendorActions>(scope);

        var noReason = await actions.CloseAsync(_data.Moderator, vendor.Id, vendor.Version, "");
        var closed = await actions.CloseAsync(_data.Moderator, vendor.Id, vendor.Version, "Reported by customers");
        var again = await actions.CloseAsync(_data.Moderator, vendor.Id, (await _data.ReloadAsync<Vendor>(vendor.Id)).Version, "Reported by customers");
        var reopened = await actions.ReopenAsync(_data.Moderator, vendor.Id, (await _data.ReloadAsync<Vendor>(vendor.Id)).Version, "Issue resolved");

        Assert.Equal(("Reason", true, OutcomeKind.Refused, true), (noReason.Field, closed.Succeeded, again.Kind, reopened.Succeeded));
        Assert.True((await _data.ReloadAsync<Vendor>(vendor.Id)).Open);
        Assert.Equal(["vendor.close", "vendor.reopen"], (await _data.AuditAsync(VendorActions.EntityType)).Select(a => a.Action));
    }

    [Fact]
    public async Task A_stale_close_is_a_conflict_that_says_who_and_when()
    {
        var vendor = await _data.VendorAsync(await _data.OwnerAsync("Bala K"), "Bala's Chai");
        await using var scope = Scope();
        var actions = Get<VendorActions>(scope);
        await actions.CloseAsync(_data.Admin, vendor.Id, vendor.Version, "Owner asked for it");

        var late = await actions.CloseAsync(_data.Moderator, vendor.Id, vendor.Version, "Duplicate listing");

        Assert.Equal(OutcomeKind.Conflict, late.Kind);
        Assert.Equal("Asha Admin", late.ChangedBy);
        Assert.NotNull(late.ChangedAt);
        Assert.Single(await _data.AuditAsync(VendorActions.EntityType));
    }

    [Fact]
    public async Task Subscriptions_are_extended_and_cancelled_by_admins_only()
    {
        var owner = await _data.OwnerAsync("Chitra M");
        var future = await _data.SubscriptionAsync(owner, end: _data.Now.AddDays(5));
        var lapsed = await _data.SubscriptionAsync(owner, SubscriptionStatus.Expired, _data.Now.AddDays(-3));
        var open = await _data.SubscriptionAsync(owner, end: null);
        await using var scope = Scope();
        var actions = Get<SubscriptionActions>(scope);

        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.ExtendAsync(_data.Moderator, future.Id, future.Version, 30, "Goodwill after an outage"));
        Assert.True((await actions.ExtendAsync(_data.Admin, future.Id, future.Version, 30, "Goodwill after an outage")).Succeeded);
        Assert.True((await actions.ExtendAsync(_data.Admin, lapsed.Id, lapsed.Version, 7, "Payment received late")).Succeeded);
        Assert.Equal(OutcomeKind.Refused, (await actions.ExtendAsync(_data.Admin, open.Id, open.Version, 7, "Payment received late")).Kind);
        Assert.Equal(OutcomeKind.Refused, (await actions.ExtendAsync(_data.Admin, open.Id, open.Version, 0, "Payment received late")).Kind);
        var cancelled = await actions.CancelAsync(_data.Admin, open.Id, open.Version, "Refunded");
        var stale = await actions.CancelAsync(_data.Admin, future.Id, future.Version, "Refunded");

        Assert.Equal(_data.Now.AddDays(35), (await _data.ReloadAsync<Subscription>(future.Id)).EndDate);
        var revived = await _data.ReloadAsync<Subscription>(lapsed.Id);
        Assert.Equal((SubscriptionStatus.Active, _data.Now.AddDays(7)), (revived.Status, revived.EndDate));
        Assert.True(cancelled.Succeeded);
        var ended = await _data.ReloadAsync<Subscription>(open.Id);
        Assert.Equal((SubscriptionStatus.Cancelled, _data.Now), (ended.Status, ended.EndDate));
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(["subscription.extend", "subscription.extend", "subscription.cancel"],
            (await _data.AuditAsync(SubscriptionActions.EntityType)).Select(a => a.Action));
    }

    [Fact]
    public async Task The_expiry_pass_expires_overdue_subscriptions_once_across_two_workers()
    {
        var ids = new List<int>();
        for (var i = 0; i < 20; i++)
            ids.Add((await _data.SubscriptionAsync(await _data.OwnerAsync($"Owner {i}"), end: _data.Now.AddHours(-1 - i))).Id);
        var later = await _data.SubscriptionAsync(await _data.OwnerAsync("Later Owner"), end: _data.Now.AddHours(2));
        var renewing = await _data.SubscriptionAsync(await _data.OwnerAsync("Renewing Owner"), end: null);
        await using var second = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock);

        var results = await Task.WhenAll(
            Task.Run(() => Services.GetRequiredService<SubscriptionExpiryPass>().RunOnceAsync()),
            Task.Run(() => second.GetRequiredService<SubscriptionExpiryPass>().RunOnceAsync()));

        Assert.Equal(ids.Order(), results.SelectMany(r => r).Order());
        Assert.Equal(20, (await _data.AuditAsync(SubscriptionActions.EntityType)).Count(a => a.Action == SubscriptionExpiryPass.Action && a.ActorId == null));
        Assert.Equal(SubscriptionStatus.Active, (await _data.ReloadAsync<Subscription>(later.Id)).Status);

        Fixture.Clock.Advance(TimeSpan.FromHours(3));   // the fake clock moves on; the pass expires what is due then
        Assert.Equal([later.Id], await Services.GetRequiredService<SubscriptionExpiryPass>().RunOnceAsync());
        Assert.Empty(await second.GetRequiredService<SubscriptionExpiryPass>().RunOnceAsync());
        Assert.Equal(SubscriptionStatus.Active, (await _data.ReloadAsync<Subscription>(renewing.Id)).Status);
    }

    [Fact]
    public async Task A_deactivated_owner_closes_their_vendors_and_a_deleted_one_also_cancels_their_subscriptions()
    {
        var owner = await _data.OwnerAsync("Dev Patel");
        var stall = await _data.VendorAsync(owner, "Dev's Tacos");
        var closedAlready = await _data.VendorAsync(owner, "Dev's Juice", open: false);
        var active = await _data.SubscriptionAsync(owner, end: _data.Now.AddDays(20));
        var expired = await _data.SubscriptionAsync(owner, SubscriptionStatus.Expired, _data.Now.AddDays(-20));
        await using var scope = Scope();
        var users = Get<UserStatusActions>(scope);
        uint Version(int id) { using var db = Fixture.CreateDbContextAsync().Result; return db.Users.AsNoTracking().Single(u => u.Id == id).Version; }

        Assert.True((await users.DeactivateAsync(_data.Admin, owner, Version(owner), "Breaks the community rules")).Succeeded);
        Assert.False((await _data.ReloadAsync<Vendor>(stall.Id)).Open);
        Assert.Equal(SubscriptionStatus.Active, (await _data.ReloadAsync<Subscription>(active.Id)).Status);
        var closes = await _data.AuditAsync(VendorActions.EntityType);
        var close = Assert.Single(closes);
        Assert.Equal((OwnerCascade.VendorClosed, "Owner's account deactivated: Breaks the community rules"), (close.Action, close.Reason));

        Assert.True((await users.ReactivateAsync(_data.Admin, owner, Version(owner), "Asked for by the user")).Succeeded);
        Assert.False((await _data.ReloadAsync<Vendor>(stall.Id)).Open);   // reopening is the owner's or an operator's call
        Assert.True((await users.DeleteAsync(_data.Admin, owner, Version(owner), "Duplicate account")).Succeeded);
        var cancelled = await _data.ReloadAsync<Subscription>(active.Id);
        Assert.Equal((SubscriptionStatus.Cancelled, _data.Now), (cancelled.Status, cancelled.EndDate));
        Assert.Equal(SubscriptionStatus.Expired, (await _data.ReloadAsync<Subscription>(expired.Id)).Status);
        Assert.Equal([OwnerCascade.SubscriptionCancelled], (await _data.AuditAsync(SubscriptionActions.EntityType)).Select(a => a.Action));
        Assert.False((await _data.ReloadAsync<Vendor>(closedAlready.Id)).Open);
    }

    [Fact]
    public async Task A_refused_user_action_changes_no_vendor()
    {
        var owner = await _data.OwnerAsync("Esha Nair");
        var stall = await _data.VendorAsync(owner, "Esha's Idli");
        await using var scope = Scope();

        var stale = await Get<UserStatusActions>(scope).DeleteAsync(_data.Admin, owner, 12345, "Duplicate account");

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.True((await _data.ReloadAsync<Vendor>(stall.Id)).Open);
        Assert.Empty(await _data.AuditAsync(VendorActions.EntityType));
    }
}
