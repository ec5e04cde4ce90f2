// The whole-process peer of `moderation classify`: reads a JSON lines file line by line, decides each comment with
// obscenity 0.4.6 (the setup its README recommends) and writes one JSON line per comment, in order, to stdout.
// Usage: node obscenity-classify.mjs FILE.jsonl > out.jsonl   (run from a folder where obscenity is installed)
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/');
const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = require('obscenity');

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const lines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });

// Output is gathered and written in blocks, as a fair peer would, not one write per line.
let pending = [];
for await (const line of lines) {
  if (line.trim().length === 0) continue;
  let row;
  try { row = JSON.parse(line); } catch { continue; }
  if (typeof row.text !== 'string') continue;
  const matches = matcher.getAllMatches(row.text);
  pending.push(JSON.stringify({ id: row.id, decision: matches.length > 0 ? 'flag' : 'approve', hits: matches.length }));
  if (pending.length === 1000) {
    if (!process.stdout.write(pending.join('\n') + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve));
    pending = [];
  }
}
if (pending.length > 0) process.stdout.write(pending.join('\n') + '\n');
