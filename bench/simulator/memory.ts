// Prints the memory one stored pending command takes, measured with 1,000,000 of them (run with --expose-gc).
import { measureMemory } from '../../simulators/model/memory.ts';

const n = Number(process.argv[2] ?? 1_000_000);
process.stdout.write(`${JSON.stringify(measureMemory(n))}\n`);
