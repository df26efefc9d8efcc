/**
 * The embedded database folder belongs to one process at a time. SQLite
 * would let a second process in (and our in-process write queue would no
 * longer serialise the cap check), so a lock file names the holder; a holder
 * that no longer runs (killed) leaves a stale file, which the next start takes over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: number,
  ) {
    super(
      `the data folder ${folder} is in use by process ${holder} (lock file ${lockPath(folder)})`,
    );
  }
}

const lockPath = (folder: string) => join(folder, 'lock');

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock or throws FolderLockedError at once; returns its release. */
export function lockFolder(folder: string): () => void {
  const path = lockPath(folder);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isSafeInteger(holder) && holder !== process.pid && running(holder))
      throw new FolderLockedError(folder, holder);
    // Stale: its holder is gone. Remove it and try again (another starter may win the race).
    rmSync(path, { force: true });
  }
  throw new Error(`could not lock the data folder ${folder}`);
}
