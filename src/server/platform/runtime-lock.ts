import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// PGlite lets one process open a data folder at a time. The process that opens it takes this lock;
// when it is the server, it also writes where it listens and a secret token (server.json, mode 600),
// so that the CLI can hand its command to the running server instead of opening the folder itself.

const LOCK_FILE = 'pilote.lock';
const SERVER_FILE = 'server.json';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export class DataDirLockedError extends Error {
  constructor(readonly pid: number) {
    super(`Le dossier de données est déjà ouvert par le processus ${pid}.`);
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        rmSync(path.join(dataDir, SERVER_FILE), { force: true });
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(pid);
      rmSync(file, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Impossible de verrouiller le dossier de données ${dataDir}.`);
}

export interface ServerInfo {
  pid: number;
  port: number;
  token: string;
}

export function writeServerInfo(dataDir: string, port: number): ServerInfo {
  const info = { pid: process.pid, port, token: randomBytes(24).toString('base64url') };
  writeFileSync(path.join(dataDir, SERVER_FILE), JSON.stringify(info), { mode: 0o600 });
  return info;
}

/** The running server holding `dataDir`, if any. */
export function readLiveServer(dataDir: string): ServerInfo | null {
  try {
    const info = JSON.parse(readFileSync(path.join(dataDir, SERVER_FILE), 'utf8')) as ServerInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}
