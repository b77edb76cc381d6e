// The unbroken-run bench in a process of its own (bench/run.ts starts it): the tokenizer comparison before it
// leaves js-tiktoken's tables on the heap, which the app never loads, and collecting them is what the delay
// would then measure (125-137 ms in the same process, 7-10 ms in its own, at this commit and the one before).
import { unbrokenRunBench } from './streaming';

unbrokenRunBench().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
