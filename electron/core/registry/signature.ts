import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SignatureStatus } from '../../../shared/domain/registry-import';
import { DomainError } from '../errors';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: a raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The ANAM key as configured: base64 of the raw 32 bytes or of the SPKI DER, or a PEM block. */
export function parsePublicKey(text: string): KeyObject {
  const refuse = () =>
    new DomainError(
      'REFUSED',
      'La clé publique de l’ANAM configurée (anam.publicKey) est illisible : attendu une clé Ed25519 en base64. Corrigez le paramètre.',
    );
  try {
    const key = text.includes('BEGIN PUBLIC KEY')
      ? createPublicKey(text)
      : (() => {
          const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
          const spki = der.length === 32 ? Buffer.concat([ED25519_SPKI_PREFIX, der]) : der;
          return createPublicKey({ key: spki, format: 'der', type: 'spki' });
        })();
    if (key.asymmetricKeyType !== 'ed25519') throw refuse();
    return key;
  } catch {
    throw refuse();
  }
}

/**
 * Checks the detached signature (base64 Ed25519 over the file's bytes; `signatureText` as read,
 * null when absent). Ed25519 signs the whole message, so the file is read into memory once here
 * (the compressed bytes for a .gz file).
 */
export async function checkSignature(path: string, signatureText: string | null, publicKey: string): Promise<SignatureStatus> {
  return signatureStatus(() => readFile(path), signatureText, publicKey);
}

/**
 * The same check over bytes already read (a reference list is read once, then checked and
 * imported from those bytes). `bytes` may be a function: the file is then read only when a key
 * and a signature make it needed.
 */
export async function signatureStatus(
  bytes: Buffer | (() => Promise<Buffer>),
  signatureText: string | null,
  publicKey: string,
): Promise<SignatureStatus> {
  const present = signatureText !== null;
  if (publicKey.trim() === '') return present ? 'unverified' : 'unsigned';
  const key = parsePublicKey(publicKey);
  if (!present) return 'missing';
  const signature = Buffer.from(signatureText.trim(), 'base64');
  if (signature.length !== 64) return 'invalid';
  return verify(null, typeof bytes === 'function' ? await bytes() : bytes, key, signature) ? 'valid' : 'invalid';
}
