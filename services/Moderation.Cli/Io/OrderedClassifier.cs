using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Moderation.Rules;

namespace Moderation.Cli.Io;

/// <summary>
/// Classifies a JSON lines stream on every core and writes the decisions in input order. One reader cuts the input
/// into batches; each batch is parsed, decided and serialised on the thread pool; the caller's thread writes the
/// batches in the order they were read. A bounded queue of batches in flight keeps memory flat however large the
/// input is.
/// </summary>
internal sealed class OrderedClassifier(RuleSet ruleSet, string siteId, int workers)
{
    private const int BatchLines = 512;

    private readonly ModerationEngine _engine = new();

    public async Task RunAsync(TextReader input, TextWriter output, TextWriter error, string sourceName)
    {
        var inFlight = Channel.CreateBounded<Task<Batch>>(new BoundedChannelOptions(Math.Max(2, workers * 2)) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                var lines = new List<string>(BatchLines);
                var firstLine = 1;
                var lineNumber = 0;
                while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
                {
                    lineNumber++;
                    lines.Add(line);
                    if (lines.Count == BatchLines)
                    {
                        await inFlight.Writer.WriteAsync(Start(lines, firstLine, sourceName)).ConfigureAwait(false);
                        lines = new List<string>(BatchLines);
                        firstLine = lineNumber + 1;
                    }
                }

                if (lines.Count > 0)
                {
                    await inFlight.Writer.WriteAsync(Start(lines, firstLine, sourceName)).ConfigureAwait(false);
                }

                inFlight.Writer.Complete();
            }
            catch (Exception exception)
            {
                inFlight.Writer.Complete(exception);
            }
        });

        await foreach (var next in inFlight.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var batch = await next.ConfigureAwait(false);
            Write(output, batch.Output.WrittenSpan);
            foreach (var problem in batch.Problems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }
        }

        await reading.ConfigureAwait(false);
    }

    /// <summary>
    /// Bytes go straight to the stream under a <see cref="StreamWriter"/> (standard output): no decoding to text and
    /// encoding back. Any other writer (tests) gets text.
    /// </summary>
    private static void Write(TextWriter output, ReadOnlySpan<byte> utf8)
    {
        if (output is StreamWriter { BaseStream: { CanWrite: true } stream } writer && writer.Encoding is UTF8Encoding)
        {
            writer.Flush();
            stream.Write(utf8);
        }
        else
        {
            output.Write(Encoding.UTF8.GetString(utf8));
        }
    }

    private Task<Batch> Start(List<string> lines, int firstLine, string sourceName) =>
        Task.Run(() => Classify(lines, firstLine, sourceName));

    private Batch Classify(List<string> lines, int firstLine, string sourceName)
    {
        var batch = new Batch(new ArrayBufferWriter<byte>(lines.Count * 160));
        using var writer = new Utf8JsonWriter(batch.Output, DecisionJson.Options);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var comment = JsonLinesReader.Parse(line, firstLine + i, out var problem);
            if (comment is null)
            {
                batch.Problems.Add(JsonLinesReader.Problem(sourceName, firstLine + i, problem));
                continue;
            }

            var decision = _engine.Decide(CliComment.From(comment.Text, siteId), ruleSet, []);
            DecisionJson.Write(writer, batch.Output, comment.IdJson, decision);
        }

        return batch;
    }

    private sealed record Batch(ArrayBufferWriter<byte> Output)
    {
        public List<string> Problems { get; } = [];
    }
}
