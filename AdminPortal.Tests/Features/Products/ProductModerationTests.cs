using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Products;

[Collection(ThirdDatabaseCollection.Name)]
public sealed class ProductModerationTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private ProductTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new ProductTestData(Fixture).SeedAsync();
    }

    private async Task<Outcome> DecideAsync(System.Security.Claims.ClaimsPrincipal who, ProductDecision decision)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ProductModeration>().DecideAsync(who, decision);
    }

    public static TheoryData<PublishingStatus, ModerationAction> EveryPair()
    {
        var data = new TheoryData<PublishingStatus, ModerationAction>();
        foreach (var s in Enum.GetValues<PublishingStatus>())
            foreach (var a in Enum.GetValues<ModerationAction>())
                data.Add(s, a);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task Every_transition_is_allowed_or_refused_as_the_table_says(PublishingStatus from, ModerationAction action)
    {
        var product = await _data.AddAsync(from);
        var edits = action == ModerationAction.Edit ? ProductEdits.From(product) with { Title = "Corrected title" } : null;

        var result = await DecideAsync(_data.Admin, new ProductDecision(product.Id, action, product.Version, "Because", edits));

        var expected = (from, action) switch
        {
            (PublishingStatus.Suggestion, ModerationAction.Approve) => PublishingStatus.Published,
            (PublishingStatus.Suggestion, ModerationAction.Reject) => PublishingStatus.Rejected,
            (PublishingStatus.Suggestion, ModerationAction.RequestChanges) => PublishingStatus.Draft,
            (PublishingStatus.Suggestion, ModerationAction.Edit) => PublishingStatus.Suggestion,
            (PublishingStatus.Rejected, ModerationAction.Reopen) => PublishingStatus.Suggestion,
            (PublishingStatus.Published, ModerationAction.Unpublish) => PublishingStatus.Draft,
            (PublishingStatus.Published, ModerationAction.TakeDown) => PublishingStatus.Rejected,
            _ => (PublishingStatus?)null,
        };
        var saved = await _data.ReloadAsync(product.Id);
        var audit = await _data.AuditOfAsync(product.Id);
        if (expected is null)
        {
            Assert.Equal(OutcomeKind.Refused, result.Kind);
            Assert.Equal(from, saved.PublishingStatus);
            Assert.Equal(product.Version, saved.Version);
            Assert.Empty(audit);
        }
        else
        {
            Assert.True(result.Succeeded, result.Message);
            Assert.Equal(expected, saved.PublishingStatus);
            var entry = Assert.Single(audit);
            Assert.Equal(ProductTransitions.AuditAction(action), entry.Action);
            Assert.Equal("Asha Admin", entry.ActorName);
            Assert.Equal("Because", entry.Reason);
        }
    }

    [Fact]
    public async Task Only_an_admin_may_reopen_a_rejected_product()
    {
        var product = await _data.AddAsync(PublishingStatus.Rejected);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            DecideAsync(_data.Moderator, new ProductDecision(product.Id, ModerationAction.Reopen)));
        Assert.Equal(PublishingStatus.Rejected, (await _data.ReloadAsync(product.Id)).PublishingStatus);

        var result = await DecideAsync(_data.Admin, new ProductDecision(product.Id, ModerationAction.Reopen));
        Assert.True(result.Succeeded);
        Assert.Equal(PublishingStatus.Suggestion, (await _data.ReloadAsync(product.Id)).PublishingStatus);
    }

    [Theory]
    [InlineData(ModerationAction.Unpublish, PublishingStatus.Draft)]
    [InlineData(ModerationAction.TakeDown, PublishingStatus.Rejected)]
    public async Task Only_an_admin_may_take_a_published_product_down_and_the_reason_reaches_the_vendor(
        ModerationAction action, PublishingStatus expected)
    {
        var product = await _data.AddAsync(PublishingStatus.Published);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            DecideAsync(_data.Moderator, new ProductDecision(product.Id, action, product.Version, "Reported by buyers")));
        var missing = await DecideAsync(_data.Admin, new ProductDecision(product.Id, action, product.Version, "  "));
        Assert.Equal(OutcomeKind.Refused, missing.Kind);
        Assert.NotNull(missing.ErrorFor("Reason"));
        Assert.Equal(PublishingStatus.Published, (await _data.ReloadAsync(product.Id)).PublishingStatus);
        Assert.Empty(await _data.AuditOfAsync(product.Id));

        var result = await DecideAsync(_data.Admin, new ProductDecision(product.Id, action, product.Version, "Reported by buyers"));

        Assert.True(result.Succeeded, result.Message);
        var saved = await _data.ReloadAsync(product.Id);
        Assert.Equal(expected, saved.PublishingStatus);
        Assert.Equal("Reported by buyers", saved.Remark);
        var entry = Assert.Single(await _data.AuditOfAsync(product.Id));
        Assert.Equal(ProductTransitions.AuditAction(action), entry.Action);
        Assert.Equal("published", entry.Before!.RootElement.GetProperty("status").GetString()!.ToLowerInvariant());
    }

    [Fact]
    public async Task A_bulk_reject_never_touches_a_published_product()
    {
        var live = await _data.AddAsync(PublishingStatus.Published);

        await using var scope = Scope();
        var result = await scope.ServiceProvider.GetRequiredService<ProductModeration>().DecideManyAsync(_data.Moderator,
            new BulkDecision(ModerationAction.Reject, [live.Id], null, "Prohibited item"));

        Assert.Equal(0, result.Value!.Done);
        Assert.Equal(PublishingStatus.Published, (await _data.ReloadAsync(live.Id)).PublishingStatus);
        Assert.Empty(await _data.AuditOfAsync(live.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_rejection_without_a_reason_is_refused_on_the_reason_field(string? reason)
    {
        var product = await _data.AddAsync();

        var result = await DecideAsync(_data.Moderator, new ProductDecision(product.Id, ModerationAction.Reject, Reason: reason));

        Assert.Equal(OutcomeKind.Refused, result.Kind);
        Assert.Contains("reason", result.ErrorFor("Reason"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PublishingStatus.Suggestion, (await _data.ReloadAsync(product.Id)).PublishingStatus);
        Assert.Empty(await _data.AuditOfAsync(product.Id));
    }

    [Fact]
    public async Task A_rejection_keeps_its_reason_as_the_remark_and_in_the_audit_record()
    {
        var product = await _data.AddAsync();

        var result = await DecideAsync(_data.Moderator,
            new ProductDecision(product.Id, ModerationAction.Reject, product.Version, "Photos are blurry or missing; the lid is cracked"));

        Assert.True(result.Succeeded);
        var saved = await _data.ReloadAsync(product.Id);
        Assert.Equal(PublishingStatus.Rejected, saved.PublishingStatus);
        Assert.Equal("Photos are blurry or missing; the lid is cracked", saved.Remark);
        var entry = Assert.Single(await _data.AuditOfAsync(product.Id));
        Assert.Equal("Mira Moderator", entry.ActorName);
        Assert.Equal("product.reject", entry.Action);
        Assert.Equal("suggestion", entry.Before!.RootElement.GetProperty("status").GetString()!.ToLowerInvariant());
        Assert.Equal("rejected", entry.After!.RootElement.GetProperty("status").GetString()!.ToLowerInvariant());
    }

    [Fact]
    public async Task Requesting_changes_needs_a_remark_and_sends_the_product_back_to_draft()
    {
        var product = await _data.AddAsync();

        var without = await DecideAsync(_data.Moderator, new ProductDecision(product.Id, ModerationAction.RequestChanges));
        Assert.Equal("Reason", without.Field);

        var with = await DecideAsync(_data.Moderator,
            new ProductDecision(product.Id, ModerationAction.RequestChanges, Reason: "Add a photo of the back"));
        Assert.True(with.Succeeded);
        var saved = await _data.ReloadAsync(product.Id);
        Assert.Equal((PublishingStatus.Draft, "Add a photo of the back"), (saved.PublishingStatus, saved.Remark));
    }

    [Theory]
    [InlineData("", 1000, 800, "Title")]
    [InlineData("Lamp", 1000, 1200, "SellingPrice")]
    [InlineData("Lamp", -5, 1, "Mrp")]
    [InlineData("Lamp", 1000, -1, "SellingPrice")]
    [InlineData("Lamp", 1000, 0, "SellingPrice")]
    [InlineData("Lamp", 99_000_000, 500, "Mrp")]
    public async Task Bad_corrections_are_refused_on_their_field_and_nothing_changes(string title, double mrp, double price, string field)
    {
        var product = await _data.AddAsync(title: "Original");
        var edits = ProductEdits.From(product) with { Title = title, Mrp = mrp, SellingPrice = price };

        var result = await DecideAsync(_data.Moderator, new ProductDecision(product.Id, ModerationAction.Approve, product.Version, Edits: edits));

        Assert.Equal(OutcomeKind.Refused, result.Kind);
        Assert.Equal(field, result.Field);
        var saved = await _data.ReloadAsync(product.Id);
        Assert.Equal(("Original", PublishingStatus.Suggestion), (saved.Title, saved.PublishingStatus));
        Assert.Empty(await _data.AuditOfAsync(product.Id));
    }

    [Fact]
    public async Task Corrections_land_with_the_approval_and_the_audit_record_says_before_and_after()
    {
        var product = await _data.AddAsync(title: "hand made lamp ", mrp: 1000, price: 800);
        var edits = ProductEdits.From(product) with { Title = "  Hand-made brass lamp ", SellingPrice = 750, Cause = Cause.SustainableFashion };

        var result = await DecideAsync(_data.Moderator, new ProductDecision(product.Id, ModerationAction.Approve, product.Version, Edits: edits));

        Assert.True(result.Succeeded, result.Message);
        var saved = await _data.ReloadAsync(product.Id);
        Assert.Equal(("Hand-made brass lamp", 750d, Cause.SustainableFashion, PublishingStatus.Published),
            (saved.Title, saved.SellingPrice, saved.Cause, saved.PublishingStatus));
        var entry = Assert.Single(await _data.AuditOfAsync(product.Id));
        Assert.Equal("hand made lamp ", entry.Before!.RootElement.GetProperty("title").GetString());
        Assert.Equal("Hand-made brass lamp", entry.After!.RootElement.GetProperty("title").GetString());
        Assert.Equal(750, entry.After.RootElement.GetProperty("sellingPrice").GetDouble());
        Assert.False(entry.After.RootElement.TryGetProperty("mrp", out _));   // unchanged fields are not repeated
    }

    [Fact]
    public async Task A_decision_on_a_product_someone_changed_meanwhile_says_who_and_changes_nothing()
    {
        var product = await _data.AddAsync();
        Assert.True((await DecideAsync(_data.Moderator2, new ProductDecision(product.Id, ModerationAction.Approve, product.Version))).Succeeded);

        var late = await DecideAsync(_data.Moderator,
            new ProductDecision(product.Id, ModerationAction.Reject, product.Version, "Blurry"));

        Assert.Equal(OutcomeKind.Conflict, late.Kind);
        Assert.Equal("Milan Moderator", late.ChangedBy);
        Assert.Contains("Milan Moderator approved this product", late.Message, StringComparison.Ordinal);
        Assert.Equal(PublishingStatus.Published, (await _data.ReloadAsync(product.Id)).PublishingStatus);
        Assert.Single(await _data.AuditOfAsync(product.Id));
    }

    [Fact]
    public async Task Twenty_parallel_approvals_of_one_product_land_exactly_once()
    {
        var product = await _data.AddAsync();
        var go = new TaskCompletionSource();
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await DecideAsync(i % 2 == 0 ? _data.Moderator : _data.Moderator2,
                new ProductDecision(product.Id, ModerationAction.Approve));
        })).ToList();
        go.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Kind, new[] { OutcomeKind.Conflict, OutcomeKind.Refused }));
        Assert.Equal(PublishingStatus.Published, (await _data.ReloadAsync(product.Id)).PublishingStatus);
        Assert.Single(await _data.AuditOfAsync(product.Id));
    }

    [Fact]
    public async Task Bulk_approval_skips_what_someone_else_decided_first_and_says_who()
    {
        var products = new List<AdminPortal.Features.Products.Product>();
        for (var i = 0; i < 5; i++)
            products.Add(await _data.AddAsync());
        await DecideAsync(_data.Moderator2, new ProductDecision(products[1].Id, ModerationAction.Reject, Reason: "Duplicate"));
        await DecideAsync(_data.Moderator2, new ProductDecision(products[3].Id, ModerationAction.Approve));

        await using var scope = Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ProductModeration>().DecideManyAsync(_data.Moderator,
            new BulkDecision(ModerationAction.Approve, products.Select(p => p.Id).ToList(), null, null));
        var result = outcome.Value!;

        Assert.Equal(3, result.Done);
        Assert.Equal(2, result.SkippedCount);
        Assert.Equal(new[] { products[1].Id, products[3].Id }.Order(), result.Skipped.Select(s => s.Id).Order());
        Assert.All(result.Skipped, s => Assert.StartsWith("Milan Moderator ", s.Reason, StringComparison.Ordinal));
        Assert.Contains("Approved 3 products. Skipped 2", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(PublishingStatus.Rejected, (await _data.ReloadAsync(products[1].Id)).PublishingStatus);
        foreach (var p in new[] { products[0], products[2], products[4] })
        {
            Assert.Equal(PublishingStatus.Published, (await _data.ReloadAsync(p.Id)).PublishingStatus);
            Assert.Equal("Mira Moderator", Assert.Single(await _data.AuditOfAsync(p.Id)).ActorName);
        }
        Assert.Single(await _data.AuditOfAsync(products[1].Id));   // Milan's, not overwritten
    }

    [Fact]
    public async Task Bulk_rejection_of_all_matching_a_filter_needs_a_reason_and_touches_only_those()
    {
        var grief = await _data.AddAsync(cause: Cause.GriefCare);
        var fashion = await _data.AddAsync(cause: Cause.SustainableFashion);
        var fashionDraft = await _data.AddAsync(PublishingStatus.Draft, cause: Cause.SustainableFashion);
        var view = ProductQueueQuery.Default with { Cause = Cause.SustainableFashion };
        await using var scope = Scope();
        var moderation = scope.ServiceProvider.GetRequiredService<ProductModeration>();

        var refused = await moderation.DecideManyAsync(_data.Moderator, new BulkDecision(ModerationAction.Reject, null, view, " "));
        Assert.Equal(OutcomeKind.Refused, refused.Kind);
        Assert.Equal(0, refused.Value?.Done ?? 0);

        var result = await moderation.DecideManyAsync(_data.Moderator, new BulkDecision(ModerationAction.Reject, null, view, "Not aligned with the cause"));
        Assert.Equal(1, result.Value!.Done);
        Assert.Equal(PublishingStatus.Rejected, (await _data.ReloadAsync(fashion.Id)).PublishingStatus);
        Assert.Equal("Not aligned with the cause", (await _data.ReloadAsync(fashion.Id)).Remark);
        Assert.Equal(PublishingStatus.Suggestion, (await _data.ReloadAsync(grief.Id)).PublishingStatus);
        Assert.Equal(PublishingStatus.Draft, (await _data.ReloadAsync(fashionDraft.Id)).PublishingStatus);
    }

    [Fact]
    public async Task Staff_are_refused_by_the_services_themselves()
    {
        var product = await _data.AddAsync();
        await using var scope = Scope();
        var moderation = scope.ServiceProvider.GetRequiredService<ProductModeration>();
        var queries = scope.ServiceProvider.GetRequiredService<ProductQueryService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            moderation.DecideAsync(_data.Staff, new ProductDecision(product.Id, ModerationAction.Approve)));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            moderation.DecideManyAsync(_data.Staff, new BulkDecision(ModerationAction.Approve, [product.Id], null, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => queries.GetPageAsync(_data.Staff, ProductQueueQuery.Default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => queries.GetDetailsAsync(_data.Staff, product.Id));
        Assert.Equal(PublishingStatus.Suggestion, (await _data.ReloadAsync(product.Id)).PublishingStatus);
        Assert.Empty(await _data.AuditOfAsync(product.Id));
    }
}
