// Preloaded by scripts/test.mjs (--import). Node 20 words a failed `assert.ok(value)` that has
// no message by reading the call back from the file and parsing it with acorn. Under tsx the
// call site it asks V8 for is the compiled code's (line 1, a large column), so it parses the
// TypeScript file token by token from the top: in a 700-line test file one failure took over
// ten minutes of CPU (twenty in CI) before the run could report it. This words the same
// message from the source-mapped stack instead: the call's own lines, read from the file.
import assert, { AssertionError } from 'node:assert';
import strict from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The source of the call that `fn` was called from, to its closing bracket (≤ 12 lines). */
function callText(fn) {
  const holder = {};
  Error.captureStackTrace(holder, fn);
  const frame = String(holder.stack)
    .split('\n')
    .find((l) => l.trimStart().startsWith('at '));
  const where = frame && /\(?((?:file:\/\/)?\/[^()]*):(\d+):(\d+)\)?\s*$/.exec(frame);
  if (!where) return undefined;
  try {
    const path = where[1].startsWith('file:') ? fileURLToPath(where[1]) : where[1];
    const lines = readFileSync(path, 'utf8').split('\n');
    const first = Number(where[2]) - 1;
    // V8 points at the called name (`ok` of `assert.ok`): the call starts at its object
    let from = Number(where[3]) - 1;
    while (from > 0 && /[\w$.]/.test(lines[first][from - 1])) from--;
    // the lines after the first lose its indentation, as Node's own message does
    const indent = /^\s*/.exec(lines[first])[0].length;
    let text = '';
    let depth = 0;
    for (let i = first; i < Math.min(lines.length, first + 12); i++) {
      const line =
        i === first ? lines[i].slice(from) : lines[i].replace(new RegExp(`^\\s{0,${indent}}`), '');
      for (let j = 0; j < line.length; j++) {
        if (line[j] === '(') depth++;
        else if (line[j] === ')' && --depth === 0) return text + line.slice(0, j + 1);
      }
      text += `${line}\n`;
    }
    return text.trim();
  } catch {
    return undefined;
  }
}

/** `ok` that words a missing message itself; anything else is the original's to handle. */
function worded(original) {
  if (original.worded) return original;
  const ok = function ok(...args) {
    if (args.length === 0 || args[0] || args[1] != null) return original.apply(this, args);
    const code = callText(ok);
    const err = new AssertionError({
      actual: args[0],
      expected: true,
      operator: '==',
      message: code
        ? `The expression evaluated to a falsy value:\n\n  ${code}\n`
        : `${String(args[0])} == true`,
      stackStartFn: ok,
    });
    err.generatedMessage = true;
    throw err;
  };
  ok.worded = true;
  return ok;
}

assert.ok = worded(assert.ok);
strict.ok = worded(strict.ok);
