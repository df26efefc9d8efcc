// What the figures were measured on, and whether the bundle is older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fmt } from './format.mjs';

const firstMatch = (re, text) => re.exec(text)?.[1]?.trim();

/** CPUs, CPU model, memory, node, OS and the date (the caller adds the Chromium version). */
export function describeMachine() {
  let nproc;
  try {
    nproc = execFileSync('nproc').toString().trim();
  } catch {
    nproc = String(os.availableParallelism?.() ?? os.cpus().length);
  }
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const meminfo = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
  return {
    nproc,
    cpu: firstMatch(/^model name\s*:(.*)$/m, cpuinfo) ?? os.cpus()[0]?.model ?? 'unknown',
    memory: meminfo
      ? `${fmt(Number(firstMatch(/^MemTotal:\s*(\d+)/m, meminfo)) / 1024 / 1024, 1)} GiB`
      : `${fmt(os.totalmem() / 2 ** 30, 1)} GiB`,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    os: `${os.type()} ${os.release()}`,
  };
}

const sourceFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });

/** The files under src/ changed after `bundle` was built. */
export function sourcesNewerThan(bundle) {
  const builtAt = statSync(bundle).mtimeMs;
  return sourceFiles('src').filter((f) => statSync(f).mtimeMs > builtAt);
}

/** The first few of `files`, and "..." when there are more. */
export const someOf = (files) =>
  `${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}`;
