using System.Text.Unicode;
using Vigil.Events;
using Vigil.Ingestion.Windows;

namespace Vigil.Ingestion.Json;

/// <summary>Works out the field names of a JSON path, once per path and reader (see <see cref="PathTable"/>).</summary>
/// <remarks>
/// A path is its names joined by dots (<c>a.b.c</c>), unless it lies in the evtx JSON layout, which
/// <see cref="EvtxJsonNames"/> names for Sigma. A name that is not valid UTF-8 marks the path
/// <see cref="PathNode.InvalidName"/>. Not thread-safe: one per reader.
/// </remarks>
internal sealed class PathNames
{
    private readonly EvtxJsonNames _windowsNames = new();
    private char[] _path = new char[256];
    private int[] _segments = new int[32];
    private int[] _chain = new int[16];

    /// <summary>Sets the field ids of <paramref name="path"/>, the node <paramref name="node"/> of <paramref name="paths"/>.</summary>
    public void Resolve(PathTable paths, int node, ref PathNode path)
    {
        var depth = 0;
        for (var n = node; n != PathTable.Root; n = paths.ParentOf(n))
        {
            if (depth == _chain.Length)
            {
                Array.Resize(ref _chain, depth * 2);
            }

            _chain[depth++] = n;
        }

        if (_segments.Length < 2 * depth)
        {
            _segments = new int[2 * depth];
        }

        var length = 0;
        for (var i = depth - 1; i >= 0; i--)
        {
            var name = paths.NameOf(_chain[i]);
            if (_path.Length < length + 1 + name.Length)
            {
                Array.Resize(ref _path, Math.Max(_path.Length * 2, length + 1 + name.Length));
            }

            if (length > 0)
            {
                _path[length++] = '.';
            }

            if (Utf8.ToUtf16(name, _path.AsSpan(length), out _, out var written, replaceInvalidSequences: false)
                != System.Buffers.OperationStatus.Done)
            {
                path.FieldId = PathNode.InvalidName;
                return;
            }

            _segments[2 * (depth - 1 - i)] = length;
            length += written;
            _segments[(2 * (depth - 1 - i)) + 1] = length;
        }

        var chars = _path.AsSpan(0, length);
        if (_windowsNames.TryResolve(chars, _segments.AsSpan(0, 2 * depth), out var fieldId, out var secondId))
        {
            path.FieldId = fieldId < 0 ? PathNode.Skip : fieldId;
            path.SecondFieldId = secondId;
        }
        else
        {
            path.FieldId = FieldNames.Intern(chars);
            path.SecondFieldId = -1;
        }
    }
}
