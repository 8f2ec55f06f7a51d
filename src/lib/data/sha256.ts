/**
 * SHA-256 as lower-case hex, for the checksums of publications and workspace files.
 * `crypto.subtle` exists only in a secure context (HTTPS or localhost); a municipal intranet
 * served over plain `http://` has none, so there the digest is computed by @noble/hashes, a
 * well-kept audited pure implementation (issue 27, item 8). Both give the same digest.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle
    ? new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
    : sha256(bytes);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
