using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdminPortal.Data;

/// <summary>
/// Feeds <see cref="DatabaseAvailability"/> from every DbContext of the portal: a connection that does not open, a
/// command or a transaction that fails because the database is out of reach. The exception still reaches the caller.
/// </summary>
internal sealed class DatabaseFailureInterceptor(DatabaseAvailability availability)
    : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) =>
        availability.ReportFailure(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        availability.ReportFailure(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        availability.ReportFailure(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        availability.ReportFailure(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        availability.ReportFailure(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        availability.ReportFailure(eventData.Exception);
        return Task.CompletedTask;
    }
}
