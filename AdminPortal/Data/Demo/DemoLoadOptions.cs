namespace AdminPortal.Data.Demo;

/// <summary>
/// For measuring the large load a piece at a time (<c>seed --scale large --reset --only "audit log" --audit-records 1000000</c>):
/// <see cref="OnlyParts"/> runs only the parts of these names after the demo accounts (and the rollups), and
/// <see cref="AuditRecords"/> changes how many audit records the large load appends. The defaults load everything.
/// </summary>
public sealed record DemoLoadOptions(IReadOnlyList<string>? OnlyParts = null, long? AuditRecords = null)
{
    public static readonly DemoLoadOptions Everything = new();

    public bool Runs(IDemoDataPart part) =>
        OnlyParts is not { Count: > 0 } || OnlyParts.Contains(part.Name, StringComparer.OrdinalIgnoreCase);
}
