using System.ComponentModel.DataAnnotations;

namespace AdminPortal.Features.Account;

/// <summary>One code typed on a second-step or set-up page.</summary>
public sealed class CodeInput
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(32, ErrorMessage = "That is too long for a code.")]
    public string Code { get; set; } = "";
}
