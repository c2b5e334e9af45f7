using System.Diagnostics;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>One command a service sent: its text and a copy of its parameters, to replay through raw Npgsql.</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public NpgsqlCommand Create(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Sql, connection);
        foreach (var p in Parameters)
            command.Parameters.Add(p.Clone());
        return command;
    }
}

/// <summary>
/// Records every command the services' data source executes during <see cref="RecordAsync"/>, through Npgsql's
/// tracing filter: it sees the commands EF runs and those a service runs itself (the products' planner estimate).
/// The filter only runs while an "Npgsql" activity listener exists, so timed calls outside recording pay nothing.
/// </summary>
public sealed class SqlRecorder
{
    private readonly List<RecordedCommand> _recorded = [];
    private bool _recording;

    public void Configure(NpgsqlDataSourceBuilder builder) =>
        builder.ConfigureTracing(t => t.ConfigureCommandFilter(Record).EnablePhysicalOpenTracing(false).EnableFirstResponseEvent(false));

    public async Task<IReadOnlyList<RecordedCommand>> RecordAsync(Func<Task> call)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref _) => ActivitySamplingResult.None,
        };
        ActivitySource.AddActivityListener(listener);
        _recorded.Clear();
        _recording = true;
        try { await call(); }
        finally { _recording = false; }
        return _recorded.ToList();
    }

    private bool Record(NpgsqlCommand command)
    {
        if (_recording)
            _recorded.Add(new RecordedCommand(command.CommandText, command.Parameters.Select(p => p.Clone()).ToList()));
        return false;
    }
}
