import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm is an ambient const enum (not importable as a value here): 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

// argon2id with one of OWASP's equivalent minimum settings (9 MiB, 4 passes, 1 lane): it keeps a
// sign-in under 300 ms while ten run at once on two cores. The parameters travel inside each hash,
// so they can be raised later without invalidating existing passwords.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 9216, timeCost: 4, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

// Verified against when the email is unknown or has no password, so that the answer takes as long
// as for a real account (the timing must not tell whether an address exists).
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('pilote-ti: no account behind this address');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
