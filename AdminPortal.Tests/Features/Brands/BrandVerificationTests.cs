using System.Security.Claims;
using AdminPortal.Features.Brands;
using AdminPortal.Features.Creators;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Brands;

[Collection(ThirdDatabaseCollection.Name)]
public sealed class BrandVerificationTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private BrandTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new BrandTestData(Fixture).SeedAsync();
    }

    private async Task<Outcome> DecideAsync(ClaimsPrincipal who, BrandDocumentDecision decision)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<BrandVerification>().DecideAsync(who, decision);
    }

    public static TheoryData<DocumentStatus, bool> EveryStateAndVerdict()
    {
        var data = new TheoryData<DocumentStatus, bool>();
        foreach (var s in Enum.GetValues<DocumentStatus>())
        {
            data.Add(s, true);
            data.Add(s, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndVerdict))]
    public async Task Only_a_waiting_document_can_be_approved_or_rejected(DocumentStatus from, bool approve)
    {
        var brand = await _data.AddAsync(gst: from);

        var outcome = await DecideAsync(_data.Moderator, new BrandDocumentDecision(brand.Id, BrandDocument.Gst, approve,
            approve ? null : "Unreadable or blurry scan"));

        var after = (await _data.ReloadAsync(brand.Id)).GstDocumentStatus;
        if (from == DocumentStatus.Pending)
        {
            Assert.True(outcome.Succeeded, outcome.Message);
            Assert.Equal(approve ? DocumentStatus.Verified : DocumentStatus.Rejected, after);
            Assert.Single(await _data.AuditOfAsync(brand.Id));
        }
        else
        {
            Assert.False(outcome.Succeeded);
            Assert.Equal(from, after);
            Assert.Empty(await _data.AuditOfAsync(brand.Id));
        }
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_asks_for_a_new_upload()
    {
        var brand = await _data.AddAsync();

        var missing = await DecideAsync(_data.Moderator, new BrandDocumentDecision(brand.Id, BrandDocument.Pan, false, "  "));
        Assert.Equal(OutcomeKind.Refused, missing.Kind);
        Assert.Equal("Reason", missing.Field);

        var done = await DecideAsync(_data.Moderator, new BrandDocumentDecision(brand.Id, BrandDocument.Pan, false, "Document has expired"));
        var saved = await _data.ReloadAsync(brand.Id);
        Assert.True(done.Succeeded);
        Assert.Contains("asked for a new upload", done.Message, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Rejected, saved.PanDocumentStatus);
        Assert.Equal("Document has expired", saved.VerificationNote);
        Assert.NotNull(saved.ReviewedById);
        var audit = Assert.Single(await _data.AuditOfAsync(brand.Id));
        Assert.Equal("brand.pan.reject", audit.Action);
        Assert.Equal("Document has expired", audit.Reason);
        // the others still wait: the brand stays in the queue until they are decided, then asks for the upload
        Assert.Equal(BrandState.Waiting, BrandDocuments.StateOf(saved.IncorporationDocumentStatus, saved.GstDocumentStatus, saved.PanDocumentStatus));
        await DecideAsync(_data.Moderator, new BrandDocumentDecision(brand.Id, BrandDocument.Incorporation, true));
        await DecideAsync(_data.Moderator, new BrandDocumentDecision(brand.Id, BrandDocument.Gst, true));
        saved = await _data.ReloadAsync(brand.Id);
        Assert.Equal(BrandState.Reupload, BrandDocuments.StateOf(saved.IncorporationDocumentStatus, saved.GstDocumentStatus, saved.PanDocumentStatus));
    }

    [Fact]
    public async Task The_brand_is_verified_when_the_last_required_document_is_approved()
    {
        var brand = await _data.AddAsync(incorporation: DocumentStatus.Verified);

        var first = await DecideAsync(_data.Moderator, new BrandDocumentDecision(brand.Id, BrandDocument.Gst, true));
        var last = await DecideAsync(_data.Moderator2, new BrandDocumentDecision(brand.Id, BrandDocument.Pan, true, "Checked against NSDL"));

        Assert.DoesNotContain("verified", first.Message, StringComparison.Ordinal);
        Assert.Contains("is now verified", last.Message, StringComparison.Ordinal);
        var audit = await _data.AuditOfAsync(brand.Id);
        Assert.Equal(["brand.gst.approve", "brand.pan.approve", BrandEvents.VerifiedAction], audit.Select(a => a.Action));
        Assert.Equal("Milan Moderator", audit[^1].ActorName);
    }

    [Fact]
    public async Task Decisions_on_different_documents_of_one_brand_do_not_collide()
    {
        var brand = await _data.AddAsync();

        var results = await Task.WhenAll(
            DecideAsync(_data.Moderator, new BrandDocumentDecision(brand.Id, BrandDocument.Incorporation, true)),
            DecideAsync(_data.Moderator2, new BrandDocumentDecision(brand.Id, BrandDocument.Gst, true)),
            DecideAsync(_data.Admin, new BrandDocumentDecision(brand.Id, BrandDocument.Pan, true)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Contains(BrandEvents.VerifiedAction, (await _data.AuditOfAsync(brand.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Twenty_parallel_decisions_on_one_document_land_once_and_the_others_are_told_who_and_when()
    {
        var brand = await _data.AddAsync();
        var go = new TaskCompletionSource();
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await DecideAsync(i % 2 == 0 ? _data.Moderator : _data.Moderator2,
                new BrandDocumentDecision(brand.Id, BrandDocument.Gst, i % 3 != 0, i % 3 != 0 ? null : "Wrong document uploaded"));
        })).ToList();
        go.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        var losers = results.Where(r => !r.Succeeded).ToList();
        Assert.Equal(19, losers.Count);
        Assert.All(losers, r =>
        {
            Assert.Equal(OutcomeKind.Conflict, r.Kind);
            Assert.NotNull(r.ChangedBy);
            Assert.NotNull(r.ChangedAt);
        });
        Assert.Single(await _data.AuditOfAsync(brand.Id));
    }

    [Fact]
    public async Task The_second_reviewer_is_told_who_decided_first_and_when()
    {
        var brand = await _data.AddAsync();
        await DecideAsync(_data.Moderator2, new BrandDocumentDecision(brand.Id, BrandDocument.Incorporation, false, "Document has expired"));

        var late = await DecideAsync(_data.Moderator, new BrandDocumentDecision(brand.Id, BrandDocument.Incorporation, true));

        Assert.Equal(OutcomeKind.Conflict, late.Kind);
        Assert.Equal("Milan Moderator", late.ChangedBy);
        Assert.Equal(Fixture.Clock.GetUtcNow(), late.ChangedAt);
        Assert.Contains("Milan Moderator rejected the Certificate of incorporation first", late.Message, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Rejected, (await _data.ReloadAsync(brand.Id)).IncorporationDocumentStatus);
    }

    [Fact]
    public async Task Staff_may_not_verify_brands_and_nothing_changes()
    {
        var brand = await _data.AddAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            DecideAsync(_data.Staff, new BrandDocumentDecision(brand.Id, BrandDocument.Gst, true)));

        Assert.Equal(DocumentStatus.Pending, (await _data.ReloadAsync(brand.Id)).GstDocumentStatus);
    }

    [Fact]
    public async Task A_brand_that_does_not_exist_is_not_found()
    {
        var outcome = await DecideAsync(_data.Moderator, new BrandDocumentDecision(999_999, BrandDocument.Gst, true));
        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
    }
}
