/**
 * Password hashing with argon2id (OWASP: m = 19 MiB, t = 2, p = 1). WebCrypto PBKDF2 is capped at
 * 100k iterations in Workers, below ASVS 5, so the WebAssembly build is imported statically.
 */
import Argon2, { Argon2Type } from "@phi-ag/argon2";
import wasm from "@phi-ag/argon2/argon2.wasm";

export const ARGON2_PARAMS = {
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  hashLength: 32,
  type: Argon2Type.Argon2id,
};

let instance: Argon2 | undefined;
let dummyHash: string | undefined;

async function argon2(): Promise<Argon2> {
  instance ??= new Argon2(await WebAssembly.instantiate(wasm));
  return instance;
}

/** @returns the PHC-encoded hash (`$argon2id$v=19$m=19456,t=2,p=1$…`) */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, ARGON2_PARAMS).encoded;
}

/** Constant-shape verification: a bad or missing hash costs the same as a real one. */
export async function verifyPassword(encoded: string | null, password: string): Promise<boolean> {
  const a = await argon2();
  if (encoded === null) {
    dummyHash ??= a.hash(crypto.randomUUID(), ARGON2_PARAMS).encoded;
    a.tryVerify(dummyHash, password);
    return false;
  }
  return a.tryVerify(encoded, password, Argon2Type.Argon2id).success;
}
