using System.Net.Sockets;
using Npgsql;

namespace AdminPortal.Data;

/// <summary>
/// Tells "the database cannot be reached now" (down, restarting, the connection broke, a timeout) from every other
/// failure. Only those are turned into the reconnecting state and an <c>Unavailable</c> outcome; a bug still throws.
/// </summary>
public static class DatabaseFaults
{
    // 08xxx connection exceptions; 57P01 admin shutdown (pg_ctl stop/restart -m fast), 57P02 crash shutdown,
    // 57P03 cannot connect now (starting up, shutting down); 53300 too many connections
    private static readonly HashSet<string> UnavailableStates = ["57P01", "57P02", "57P03", "53300"];

    /// <summary>True when <paramref name="exception"/> (or one it wraps) says the database is out of reach.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || UnavailableStates.Contains(pg.SqlState);
                case NpgsqlException:   // not from the server: the socket, a broken stream, a timeout, an exhausted pool
                case TimeoutException:
                case SocketException:
                    return true;
                case OperationCanceledException:
                    return false;       // the caller cancelled (a newer view): nothing is wrong with the database
            }
        }
        return false;
    }
}
