/**
 * The test RSA key our fakes sign webhooks with, as VideoSDK does: RSA-SHA256 over the raw body,
 * base64 in the `videosdk-signature` header. Generated once per test process, never committed.
 */
import { generateKeyPairSync, sign } from 'node:crypto';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** The public key (PEM) a receiver verifies against, as GET /v2/public/rsa-public-key serves it. */
export const WEBHOOK_PUBLIC_KEY = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A key nobody trusts: what a forger signs with. */
export const FORGER_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/** The `videosdk-signature` value for `body`, signed with the test key (or `key`). */
export function signature(body: string | Buffer, key = pair.privateKey): string {
  return sign('sha256', typeof body === 'string' ? Buffer.from(body) : body, key).toString('base64');
}

/** Headers of a signed JSON webhook. */
export function signedHeaders(body: string | Buffer, key = pair.privateKey): Record<string, string> {
  return { 'content-type': 'application/json', 'videosdk-signature': signature(body, key) };
}
