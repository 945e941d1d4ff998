// Tasks for the pool's tests, deterministic without timing: `block` holds its thread
// (synchronously, as a solve does) until the test releases it through shared memory.
import { threadId } from 'node:worker_threads';

export type TestTask =
  | { kind: 'echo'; value: unknown }
  /** flags[0] := 1 when started; then waits until flags[1] becomes 1 */
  | { kind: 'block'; flags: SharedArrayBuffer }
  | { kind: 'fail'; message: string };

export default function run(task: TestTask): unknown {
  if (task.kind === 'echo') return { value: task.value, threadId };
  if (task.kind === 'fail') throw new Error(task.message);
  const flags = new Int32Array(task.flags);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
  while (Atomics.load(flags, 1) === 0) Atomics.wait(flags, 1, 0);
  return 'released';
}
