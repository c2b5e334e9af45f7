namespace AdminPortal.Data.Demo.Platform;

/// <summary>
/// What buyers and vendors write in a product's group chat, and friends in a private one: short English lines,
/// "{product}" the group's product, "{link}" its Deed-O page (an https address, so the safe-link rule makes it a link).
/// </summary>
public static class ChatVocabulary
{
    public static readonly string[] Buyer =
    [
        "Hi! Is the {product} still available?", "What is the delivery time to Pune?", "Can you do a small discount for two?",
        "Does it come gift wrapped?", "Ordered yesterday, any tracking number yet?", "Received it today, it looks lovely!",
        "Is the colour the same as in the photo?", "Can I pay cash on delivery?", "Is this the same one as {link}?",
        "Do you ship outside India?", "Thanks, placed the order.", "The parcel arrived a bit damaged, sharing a photo.",
        "What size would fit a 38 chest?", "How do I wash it?", "Will there be a new batch before Diwali?",
        "Sharing the invoice for the return.", "Great, thank you so much!", "Could you send one more photo of the back?",
    ];

    public static readonly string[] Vendor =
    [
        "Yes, it is in stock. Ships within 2 days.", "Delivery takes 4-6 days to most cities.",
        "We can give 10% off on two or more.", "Yes, gift wrapping is free, just add a note.",
        "Tracking details are on the order page: {link}", "So glad you like it! A review would help us a lot.",
        "Colours can vary a little, everything is hand-dyed.", "Cash on delivery is available for orders under 5000.",
        "Sorry about the damage, we will send a replacement today.", "Sharing a photo of the back.",
        "Hand wash in cold water and dry in the shade.", "New batch is coming next week, I will post it here.",
        "Here is the size chart: {link}", "Thank you for supporting our artisans!", "Invoice attached.",
    ];

    public static readonly string[] Friend =
    [
        "Did you see the {product}?", "Look at this: {link}", "Ordering one for Amma's birthday.", "Is it worth it?",
        "Mine came today, the quality is good.", "Let's split the shipping?", "Sending you the photo.", "Haha yes!",
        "Free this weekend?", "Just paid, thanks for the tip.", "They have a sale till Sunday.", "Ok see you then.",
    ];

    /// <summary>Fills in the placeholders.</summary>
    public static string Fill(string line, string product, string link) =>
        line.Replace("{product}", product.ToLowerInvariant()).Replace("{link}", link);
}
