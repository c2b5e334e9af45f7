using System.Buffers.Binary;
using Npgsql;

namespace AdminPortal.Data.Bulk;

/// <summary>
/// Rows encoded straight into COPY's binary format (signature, flags, per row a field count and each field's length and
/// bytes, a -1 trailer), for the large load's ten-million-row tables, written to a raw COPY stream
/// (<c>NpgsqlConnection.BeginRawBinaryCopyAsync</c>) a megabyte at a time by <see cref="CopyAsync"/>. The binary
/// importer resolves and writes every value through its own call chain; here a row is a few span copies (decision 0039).
/// </summary>
public sealed class BinaryCopyWriter(Stream output)
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0];
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private readonly byte[] _buffer = new byte[1 << 20];
    private int _at;

    /// <summary>
    /// Runs <paramref name="copy"/> (<c>COPY ... FROM STDIN (FORMAT BINARY ...)</c>) with the rows <paramref name="rows"/>
    /// writes: the header before them, the trailer after, and no read or write timeout (ten million rows take minutes).
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string copy, Func<BinaryCopyWriter, Task> rows, CancellationToken ct)
    {
        await using var input = await connection.BeginRawBinaryCopyAsync(copy, ct);
        input.ReadTimeout = input.WriteTimeout = 0;
        var writer = new BinaryCopyWriter(input);
        writer.Start();
        await rows(writer);
        await writer.CompleteAsync(ct);
    }

    /// <summary>The header, before the rows.</summary>
    private void Start()
    {
        Put(Signature);
        Int(0);   // flags
        Int(0);   // header extension length
    }

    /// <summary>Starts a row of <paramref name="fields"/> fields, first sending the buffer if it is nearly full (a row must fit in 4 KB).</summary>
    public async ValueTask RowAsync(short fields, CancellationToken ct)
    {
        if (_at > _buffer.Length - 4096)
            await FlushAsync(ct);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_at), fields);
        _at += 2;
    }

    public void Null() => Int(-1);

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Int(bytes.Length);
        Put(bytes);
    }

    public void Int4(int v)
    {
        Int(4);
        Int(v);
    }

    public void Bool(bool v)
    {
        Int(1);
        _buffer[_at++] = v ? (byte)1 : (byte)0;
    }

    /// <summary>A date: days since 2000-01-01.</summary>
    public void Date(DateOnly v)
    {
        Int(4);
        Int(v.DayNumber - PostgresEpochDay);
    }

    public void Int8(long v) => Int8Field(v);

    private void Int8Field(long v)
    {
        Int(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_at), v);
        _at += 8;
    }

    public void Float8(double v) => Int8Field(BitConverter.DoubleToInt64Bits(v));

    /// <summary>A text (or varchar, or json) value: its UTF-8 bytes, encoded straight into the buffer (at most 1 KB).</summary>
    public void Text(ReadOnlySpan<char> text)
    {
        var length = System.Text.Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_at + 4, 1024));
        Int(length);
        _at += length;
    }

    /// <summary>A jsonb value from its text: the version byte (1), then the UTF-8 bytes (at most 1 KB).</summary>
    public void JsonbText(ReadOnlySpan<char> json)
    {
        _buffer[_at + 4] = 1;
        var length = System.Text.Encoding.UTF8.GetBytes(json, _buffer.AsSpan(_at + 5, 1024));
        Int(length + 1);
        _at += length + 1;
    }

    /// <summary>An enum's label as PostgreSQL knows it (its <see cref="NpgsqlTypes.PgNameAttribute"/>), in binary form: the label's bytes.</summary>
    public static byte[] EnumLabel<T>(T value) where T : struct, Enum =>
        System.Text.Encoding.UTF8.GetBytes(typeof(T).GetField(value.ToString())!
            .GetCustomAttributes(typeof(NpgsqlTypes.PgNameAttribute), false).OfType<NpgsqlTypes.PgNameAttribute>().Single().PgName);

    /// <summary>A timestamptz: microseconds since 2000-01-01 UTC, truncated as Npgsql truncates a DateTime's ticks.</summary>
    public void TimestampTz(DateTime utc) => Int8((utc.Ticks - PostgresEpochTicks) / 10);

    /// <summary>A uuid: its 16 bytes in RFC order.</summary>
    public void Uuid(Guid value)
    {
        Int(16);
        value.TryWriteBytes(_buffer.AsSpan(_at), bigEndian: true, out _);
        _at += 16;
    }

    /// <summary>The trailer, then everything left is sent.</summary>
    private async Task CompleteAsync(CancellationToken ct)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_at), -1);
        _at += 2;
        await FlushAsync(ct);
    }

    /// <summary>jsonb's binary form: a version byte (1), then the text.</summary>
    public static byte[] Jsonb(string json) => [1, .. System.Text.Encoding.UTF8.GetBytes(json)];

    /// <summary>A one-dimensional int4[] without nulls in binary form (dimensions, flags, element type, then each element).</summary>
    public static byte[] Int4Array(IReadOnlyList<int> values)
    {
        var bytes = new byte[20 + values.Count * 8];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, 1);            // dimensions
        BinaryPrimitives.WriteInt32BigEndian(span[4..], 0);       // has nulls
        BinaryPrimitives.WriteInt32BigEndian(span[8..], 23);      // int4's oid
        BinaryPrimitives.WriteInt32BigEndian(span[12..], values.Count);
        BinaryPrimitives.WriteInt32BigEndian(span[16..], 1);      // lower bound
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[(20 + i * 8)..], 4);
            BinaryPrimitives.WriteInt32BigEndian(span[(24 + i * 8)..], values[i]);
        }
        return bytes;
    }

    private void Int(int v)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_at), v);
        _at += 4;
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(_at));
        _at += bytes.Length;
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        await output.WriteAsync(_buffer.AsMemory(0, _at), ct);
        _at = 0;
    }
}
