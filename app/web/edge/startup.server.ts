// A start that cannot go on ends with one sentence on stderr and exit code 1: no stack trace for an operator to read.
import { StartupProblem } from "~/lib/errors";

export function exitOnStartupProblem<T>(start: () => T): T {
  try {
    const result = start();
    return (result instanceof Promise ? result.catch(stop) : result) as T;
  } catch (error) {
    return stop(error);
  }
}

function stop(error: unknown): never {
  if (!(error instanceof StartupProblem)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
