using AdminPortal.Data;
using AdminPortal.Security;
using AdminPortal.Shared;

namespace AdminPortal.Components.Shared;

/// <summary>
/// The one place a screen runs an action: one at a time (<see cref="Busy"/> while it runs), a refused access turned
/// into <see cref="Outcome.Denied"/> (and remembered in <see cref="Denied"/>, so the page shows the notice), a database
/// out of reach turned into <see cref="Outcome.Unavailable"/> for an action and <see cref="Unavailable"/> for a read
/// (the layout's banner says so; the screen keeps what it showed and re-reads on the feed's resync), and the last
/// outcome kept for <c>OutcomeAlert</c>. A screen's state class owns one; the page binds to it.
/// </summary>
public sealed class ActionGate
{
    public bool Busy { get; private set; }

    /// <summary>True once any action or read was refused for lack of rights.</summary>
    public bool Denied { get; private set; }

    /// <summary>True while the last read failed because the database was out of reach (what is shown may be stale).</summary>
    public bool Unavailable { get; private set; }

    /// <summary>What the last action said; null before any, or after <see cref="Clear"/>.</summary>
    public Outcome? Last { get; private set; }

    /// <summary>Runs <paramref name="action"/> unless another is running (then returns null and does nothing).</summary>
    public async Task<Outcome?> RunAsync(Func<Task<Outcome>> action)
    {
        if (Busy)
            return null;
        Busy = true;
        try
        {
            Last = await action();
        }
        catch (AccessDeniedException ex)
        {
            Denied = true;
            Last = Outcome.Denied(ex.Message);
        }
        catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
        {
            Last = Outcome.Unavailable();   // its transaction did not commit (or its commit was never acknowledged)
        }
        finally
        {
            Busy = false;
        }
        if (Last.Kind == OutcomeKind.Denied)
            Denied = true;
        return Last;
    }

    /// <summary>Runs a read; a refused access marks the screen denied instead of throwing.</summary>
    public async Task<T?> ReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            var value = await read();
            Unavailable = false;
            return value;
        }
        catch (AccessDeniedException)
        {
            Denied = true;
            return default;
        }
        catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
        {
            Unavailable = true;
            return default;
        }
    }

    /// <summary>Shows an outcome that did not come from <see cref="RunAsync"/> (a local check, a bulk summary).</summary>
    public void Show(Outcome outcome) => Last = outcome;

    public void Clear() => Last = null;
}
