// Plants one fault of the catalogue in the working tree and takes it out again, refusing anything but an exact match.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Edit, PlantedFault } from './catalogue.ts';

const occurrences = (text: string, find: string): number => text.split(find).length - 1;

/** Why an edit cannot be planted as written (its text moved or repeats), or undefined when it can. */
export const editProblem = (root: string, e: Edit): string | undefined => {
  let text: string;
  try {
    text = readFileSync(path.join(root, e.file), 'utf8');
  } catch {
    return `${e.file}: no such file`;
  }
  const n = occurrences(text, e.find);
  return n === 1 ? undefined : `${e.file}: the text to replace occurs ${n} times (needs exactly 1)`;
};

/** Plants the fault; returns the function that restores every file exactly as it was. */
export const plant = (root: string, fault: PlantedFault): (() => void) => {
  const originals = new Map<string, string>();
  const restore = () => {
    for (const [file, text] of originals) writeFileSync(file, text);
  };
  try {
    for (const e of fault.edits) {
      const problem = editProblem(root, e);
      if (problem) throw new Error(`cannot plant ${fault.name}: ${problem}`);
      const file = path.join(root, e.file);
      const text = readFileSync(file, 'utf8');
      if (!originals.has(file)) originals.set(file, text);
      writeFileSync(file, text.replace(e.find, e.replace));
    }
  } catch (err) {
    restore();
    throw err;
  }
  return restore;
};
