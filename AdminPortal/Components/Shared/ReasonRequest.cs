using AdminPortal.Shared;
using MudBlazor;

namespace AdminPortal.Components.Shared;

/// <summary>What the reason dialog asks: its title, the service's rules, and how the confirm button reads.</summary>
public sealed record ReasonRequest(string Title, ReasonRules Rules, string ConfirmText = "Confirm", bool Danger = false,
    string? Warning = null, string Label = "Reason", string? Helper = null);

public static class ReasonDialogs
{
    /// <summary>Asks for a reason; null when the user cancelled. The reason returned passes the request's rules.</summary>
    public static async Task<string?> AskReasonAsync(this IDialogService dialogs, ReasonRequest request)
    {
        var parameters = new DialogParameters<ReasonDialog> { { d => d.Request, request } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<ReasonDialog>(request.Title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string reason } ? ReasonRules.Normalize(reason) ?? "" : null;
    }
}
