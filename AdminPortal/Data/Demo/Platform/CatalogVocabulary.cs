using AdminPortal.Features.Products;

namespace AdminPortal.Data.Demo.Platform;

/// <summary>
/// What a Deed-O product of each cause is called and how its vendor describes it: a small curated vocabulary per
/// cause, combined by Bogus (small demo) or by the row number (large load), so titles fit their cause.
/// </summary>
public static class CatalogVocabulary
{
    public sealed record Words(string[] Items, string[] Qualities, string[] Stories, string[] Remarks, string Tagline);

    public static readonly IReadOnlyDictionary<Cause, Words> ByCause = new Dictionary<Cause, Words>
    {
        [Cause.GriefCare] = new(
            ["Memory journal", "Remembrance candle", "Condolence card set", "Memorial wind chime", "Keepsake box",
             "Comfort blanket", "Photo memory frame", "Forget-me-not seed kit", "Calming tea blend", "Remembrance bracelet"],
            ["Hand-bound", "Lavender", "Engraved", "Soft cotton", "Soy wax", "Quiet hours", "Hand-lettered", "Sandalwood"],
            ["Made with a bereavement support circle: every sale funds a counselling session.",
             "A gentle gift for someone who is grieving, packed with a handwritten note.",
             "Crafted by volunteers of a hospice in {place}; proceeds support families after a loss."],
            ["Please add the hospice partnership letter.", "Photos do not show the engraving clearly."], "Made with a grief support circle."),
        [Cause.SustainableFashion] = new(
            ["Upcycled denim tote", "Handloom cotton kurta", "Organic linen shirt", "Khadi stole", "Recycled sari scarf",
             "Block-printed dupatta", "Jute shoulder bag", "Natural-dye tee", "Patchwork jacket", "Hemp sling bag"],
            ["Indigo", "Hand-woven", "Undyed", "Block-printed", "Zero-waste", "Kalamkari", "Ikat", "Slow-made"],
            ["Woven on a pit loom by a weavers' cooperative in {place}, dyed with indigo and madder.",
             "Cut from pre-loved fabric with zero-waste patterns; no two pieces are alike.",
             "Organic fibre, natural dyes and fair wages paid to the artisans of {place}."],
            ["Fabric composition missing from the description.", "Size chart needed."], "Woven by a weavers' cooperative."),
        [Cause.SustainableTourism] = new(
            ["Homestay weekend", "Village walk", "Backwater kayak tour", "Forest trail day", "Tea estate stay",
             "Birding morning", "Heritage cycle ride", "Coral reef snorkel", "Tribal craft workshop", "Eco-camp night"],
            ["Guided", "Small-group", "Carbon-light", "Community-run", "Two-day", "Sunrise", "Family", "Off-season"],
            ["Hosted by local families near {place}; your stay funds the village school.",
             "Small groups, local guides and no single-use plastic on the trail.",
             "A community-run experience that keeps tourism income in {place}."],
            ["Cancellation policy missing.", "Please confirm the guide's licence."], "Hosted by local families."),
        [Cause.IntangibleCultureAndHeritage] = new(
            ["Madhubani painting", "Warli art print", "Dhokra brass figurine", "Pattachitra scroll", "Kathputli puppet",
             "Blue pottery vase", "Channapatna toy set", "Bidriware box", "Gond art panel", "Terracotta lamp"],
            ["Hand-painted", "Heritage", "Miniature", "Lacquered", "Traditional", "Signed", "Natural-pigment", "Festival"],
            ["Painted by a {place} artist whose family has kept this craft alive for generations.",
             "Each piece comes with a card telling the story of the craft and its makers.",
             "Your purchase pays an apprentice's training in a craft at risk of being lost."],
            ["Artist's name and region missing.", "The photo looks like a mass-produced print."], "Made by a family of craftspeople."),
        [Cause.SustainableFoodAndAgriculture] = new(
            ["Millet cookie box", "Cold-pressed groundnut oil", "Wild forest honey", "Heirloom rice pack",
             "Organic turmeric powder", "Jaggery cubes", "Moringa leaf powder", "Kokum syrup", "Ragi flour", "Farm pickle jar"],
            ["Organic", "Small-batch", "Stone-ground", "Farm-fresh", "Sun-dried", "Unpolished", "Native", "Chemical-free"],
            ["Grown by a farmer-producer group near {place} without chemical fertiliser.",
             "Sourced directly from smallholder farms; a fair price is paid before harvest.",
             "Traditional seeds, rain-fed fields and no preservatives."],
            ["FSSAI licence number missing.", "Best-before date not stated."], "Grown by a farmer-producer group."),
    };

    /// <summary>Every item word of <paramref name="cause"/> (a title contains one of them).</summary>
    public static IReadOnlyList<string> Items(Cause cause) => ByCause[cause].Items;
}
