import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LauncherError } from '../../src/launcher/errors.js';
import { Redactor, REDACTED, REDACTED_TOKEN } from '../../src/server/redact.js';
import { loadEnv, readApiUrl, readCredentials, readNetworkSettings } from '../../src/launcher/settings.js';
import { emptyDir } from './harness.js';

describe('loadEnv', () => {
  it('reads ./.env and lets the real environment win', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, '.env'), 'VIDEOSDK_API_KEY=from-file\nVIDEOSDK_SECRET="quoted secret"\n# comment\n');
    const env = await loadEnv({ VIDEOSDK_API_KEY: 'from-env' }, dir, undefined);
    assert.equal(env.VIDEOSDK_API_KEY, 'from-env');
    assert.equal(env.VIDEOSDK_SECRET, 'quoted secret');
  });
  it('is fine without a .env', async () => {
    assert.deepEqual(await loadEnv({ A: '1' }, emptyDir(), undefined), { A: '1' });
  });
  // Defect 7: a byte-order mark hid the first variable; an unquoted # cut the secret silently.
  it('reads the first variable of a .env that starts with a byte-order mark', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, '.env'), '\uFEFFVIDEOSDK_API_KEY=bom-key\nVIDEOSDK_SECRET=s\n');
    assert.equal((await loadEnv({}, dir, undefined)).VIDEOSDK_API_KEY, 'bom-key');
  });
  it('refuses an unquoted # inside a value, naming the variable and not the value, and keeps a quoted one or a comment', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, '.env'), 'VIDEOSDK_API_KEY=k # a comment\nVIDEOSDK_SECRET=abc#defsecretpart\n');
    await assert.rejects(loadEnv({}, dir, undefined), (e: unknown) => e instanceof LauncherError && e.kind === 'usage' && /VIDEOSDK_SECRET has an unquoted #/.test(e.message) && !e.message.includes('defsecretpart'));
    writeFileSync(join(dir, '.env'), 'VIDEOSDK_API_KEY=k # a comment\nVIDEOSDK_SECRET="abc#def"\n');
    const env = await loadEnv({}, dir, undefined);
    assert.deepEqual([env.VIDEOSDK_API_KEY, env.VIDEOSDK_SECRET], ['k', 'abc#def']);
  });
  it('reports an --env-file that cannot be read as a usage error', async () => {
    await assert.rejects(loadEnv({}, emptyDir(), 'missing.env'), (e: unknown) => e instanceof LauncherError && e.kind === 'usage' && /--env-file: cannot read .*missing\.env \(ENOENT\)/.test(e.message));
  });
});

describe('readCredentials', () => {
  it('names each missing variable and where to set it', () => {
    assert.throws(() => readCredentials({ VIDEOSDK_API_KEY: 'k' }), (e: unknown) => e instanceof LauncherError && e.kind === 'auth' && /missing VIDEOSDK_SECRET: set them in the environment or in a \.env file/.test(e.message));
    assert.throws(() => readCredentials({ VIDEOSDK_SECRET: ' ' }), /missing VIDEOSDK_API_KEY and VIDEOSDK_SECRET/);
  });
  it('refuses a secret too short to be VideoSDK\'s, naming the variable and not the value', () => {
    for (const secret of ['Z', 'Q'.repeat(31)]) {
      assert.throws(
        () => readCredentials({ VIDEOSDK_API_KEY: 'k', VIDEOSDK_SECRET: secret }),
        (e: unknown) => e instanceof LauncherError && e.kind === 'auth' && e.exitCode === 3 && /^VIDEOSDK_SECRET is too short .*64 hex characters/.test(e.message) && !e.message.includes(secret),
      );
    }
    assert.equal(readCredentials({ VIDEOSDK_API_KEY: 'k', VIDEOSDK_SECRET: 'a'.repeat(32) }).secret, 'a'.repeat(32));
  });
  it('trims values', () => {
    assert.deepEqual(readCredentials({ VIDEOSDK_API_KEY: ' k ', VIDEOSDK_SECRET: `${'ab'.repeat(32)}\n` }), { apiKey: 'k', secret: 'ab'.repeat(32) });
  });
});

describe('readApiUrl and readNetworkSettings', () => {
  it('defaults to VideoSDK and validates an override', () => {
    assert.equal(readApiUrl({}).href, 'https://api.videosdk.live/');
    assert.equal(readApiUrl({ VIDEOSDK_API_URL: 'http://127.0.0.1:9/' }).port, '9');
    assert.throws(() => readApiUrl({ VIDEOSDK_API_URL: 'api.videosdk.live' }), /VIDEOSDK_API_URL="api.videosdk.live" is not a URL/);
    assert.throws(() => readApiUrl({ VIDEOSDK_API_URL: 'ftp://x/' }), /http\(s\) URL/);
  });
  it('reads the tuning variables and rejects nonsense', () => {
    assert.deepEqual(readNetworkSettings({}), { timeoutMs: 15_000, retries: 3, retryBaseMs: 500, maxRetryWaitMs: 60_000 });
    assert.deepEqual(readNetworkSettings({ VIDEOSDK_TIMEOUT_MS: '50', VIDEOSDK_RETRIES: '0', VIDEOSDK_RETRY_BASE_MS: '1', VIDEOSDK_MAX_RETRY_WAIT_MS: '5' }), { timeoutMs: 50, retries: 0, retryBaseMs: 1, maxRetryWaitMs: 5 });
    assert.throws(() => readNetworkSettings({ VIDEOSDK_TIMEOUT_MS: 'fast' }), /VIDEOSDK_TIMEOUT_MS="fast" is not valid; accepted: a non-negative integer/);
    assert.throws(() => readNetworkSettings({ VIDEOSDK_TIMEOUT_MS: '0' }), /at least 1/);
    assert.throws(() => readNetworkSettings({ VIDEOSDK_RETRIES: '-1' }), /VIDEOSDK_RETRIES/);
    assert.equal(readNetworkSettings({ VIDEOSDK_RETRIES: '99' }).retries, 10);
  });
});

describe('Redactor', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.c2lnbmF0dXJl';
  it('hides the secret in raw, URL-encoded and JSON-escaped form, even with tokens shown', () => {
    const redactor = new Redactor(true);
    redactor.addSecret('s3cr/t"+x');
    const text = `a s3cr/t"+x b ${encodeURIComponent('s3cr/t"+x')} c ${JSON.stringify('s3cr/t"+x')}`;
    assert.equal(redactor.redact(text), `a ${REDACTED} b ${REDACTED} c "${REDACTED}"`);
  });
  it('hides JWTs and the tokens it was given unless tokens are shown', () => {
    const hidden = new Redactor(false);
    hidden.addToken('opaque.own-token');
    assert.equal(hidden.redact(`t ${jwt} https://x/?a=1&token=opaque.own-token&b=2`), `t ${REDACTED_TOKEN} https://x/?a=1&token=${REDACTED_TOKEN}&b=2`);
    const shown = new Redactor(true);
    shown.addToken('opaque.own-token');
    assert.equal(shown.redact(`t ${jwt} opaque.own-token`), `t ${jwt} opaque.own-token`);
  });
  it('leaves a storage URL\'s own token= alone', () => {
    const url = 'https://cdn.example.com/x.mp4?token=abc123&sig=1';
    assert.equal(new Redactor(false).redact(`file ${url}`), `file ${url}`);
  });
  it('redacts tokens before secrets, so a secret inside a token cannot break its shape', () => {
    const redactor = new Redactor(false);
    redactor.addSecret('J9');
    assert.equal(redactor.redact(`t ${jwt} J9`), `t ${REDACTED_TOKEN} ${REDACTED}`);
  });
});
