using System.Buffers.Binary;
using System.Text;

namespace AdminPortal.Bench.CircuitClient;

/// <summary>
/// The strings of a render batch (text, attribute names and values of the frames it carries), read as
/// OutOfProcessRenderBatch.ts reads them: the batch ends with five int32 offsets, the last one the start of the
/// string table; the table holds one int32 position per string (-1 for null), and each string is a LEB128 byte
/// count followed by UTF-8. Enough to see what a batch put on screen (a row's title) without building a DOM.
/// </summary>
public static class RenderBatchStrings
{
    public static IReadOnlyList<string> Read(ReadOnlySpan<byte> batch)
    {
        var tableStart = BinaryPrimitives.ReadInt32LittleEndian(batch[^4..]);
        var tableEnd = batch.Length - 20;
        var strings = new List<string>();
        for (var entry = tableStart; entry + 4 <= tableEnd; entry += 4)
        {
            var at = BinaryPrimitives.ReadInt32LittleEndian(batch[entry..]);
            if (at < 0)
                continue;
            int length = 0, shift = 0;
            byte b;
            do
            {
                b = batch[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            strings.Add(Encoding.UTF8.GetString(batch.Slice(at, length)));
        }
        return strings;
    }
}
