// Single-threaded throughput of obscenity 0.4.6 on a JSON lines file, with the setup its README recommends.
// Usage: node obscenity-bench.mjs FILE.jsonl SECONDS   (run from a folder where obscenity is installed)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/');
const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = require('obscenity');

const [file, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? '2');
const texts = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => { try { return JSON.parse(line).text; } catch { return null; } })
  .filter((text) => typeof text === 'string');

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

function runFor(ms) {
  let count = 0;
  let caught = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (const text of texts) {
      if (matcher.hasMatch(text)) caught++;
    }
    count += texts.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < ms);
  return { count, elapsed, caught };
}

runFor(500); // warm-up for the JIT, as the .NET side gets
const { count, elapsed } = runFor(seconds * 1000);
console.log(`comments_per_second=${Math.round(count / (elapsed / 1000))}`);
