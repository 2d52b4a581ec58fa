#!/usr/bin/env node
// The `harness` command as installed: runs the CLI on Node 24 (this Node if it is one, else the pinned `node` package's, signals passed on), or says in one line what it needs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NEEDED_MAJOR = 24;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// In the checkout the sources run as they are (no build needed); the package ships only the compiled JavaScript.
const source = path.join(root, 'cli', 'harness.ts');
const entry = existsSync(source) ? source : path.join(root, 'dist', 'cli', 'harness.js');

/** HARNESS_NODE, else the binary of the `node` package the harness depends on (Node 24, installed with it). */
const pinnedNode = () => {
  if (process.env.HARNESS_NODE) return process.env.HARNESS_NODE;
  try {
    const bin = path.join(
      path.dirname(createRequire(import.meta.url).resolve('node/package.json')),
      'bin',
      'node',
    );
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
};

if (Number(process.versions.node.split('.')[0]) >= NEEDED_MAJOR) {
  await import(pathToFileURL(entry).href);
} else {
  const node = pinnedNode();
  if (!node) {
    process.stderr.write(
      `harness: needs Node ${NEEDED_MAJOR} or newer (this is ${process.version}): install it with its dependencies (they bring node@${NEEDED_MAJOR}), or set HARNESS_NODE to a Node ${NEEDED_MAJOR} binary\n`,
    );
    process.exit(1);
  }
  const child = spawn(node, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const s of SIGNALS) process.on(s, forward);
  child.on('error', (err) => {
    process.stderr.write(`harness: cannot start ${node}: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of SIGNALS) process.off(s, forward);
    // End the way the harness ended, so a shell sees the same status (128 + signal number) either way.
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
