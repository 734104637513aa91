import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { LauncherError } from '../../src/launcher/errors.js';
import { formatDuration, parseTtl } from '../../src/launcher/token.js';
import { VideoSdkError } from '../../src/server/errors.js';
import { mintToken } from '../../src/server/token.js';
import { API_KEY, SECRET } from './harness.js';

const key = new TextEncoder().encode(SECRET);

describe('parseTtl', () => {
  const valid: [string, number][] = [
    ['90s', 90],
    ['90', 90],
    ['15m', 900],
    ['2h', 7200],
    ['2H', 7200],
    [' 7d ', 604_800],
    ['30d', 2_592_000],
  ];
  for (const [raw, seconds] of valid) {
    it(`reads ${JSON.stringify(raw)} as ${seconds} s`, () => assert.equal(parseTtl(raw), seconds));
  }
  for (const raw of ['', '0', '0s', '-5m', '1.5h', '2w', 'h', '31d', 'abc', '1e3']) {
    it(`rejects ${JSON.stringify(raw)} as a usage error naming the flag`, () => {
      assert.throws(
        () => parseTtl(raw, '--ttl'),
        (error: unknown) => error instanceof LauncherError && error.kind === 'usage' && error.message.startsWith('--ttl=') && /accepted: /.test(error.message),
      );
    });
  }
  it('enforces a minimum when asked', () => {
    assert.equal(parseTtl('10m', '--ttl', 600), 600);
    assert.throws(() => parseTtl('5m', '--ttl', 600), /from 10m to 30d/);
  });
});

describe('formatDuration', () => {
  it('prints the largest exact unit', () => {
    assert.deepEqual([7200, 5400, 90, 86_400, 45].map(formatDuration), ['2h', '90m', '90s', '1d', '45s']);
  });
});

describe('mintToken', () => {
  it('signs HS256 with the secret and carries exactly the documented claims', async () => {
    const { token, claims } = await mintToken({ apiKey: API_KEY, secret: SECRET }, { ttlSeconds: 7200, roomId: 'room-1', roles: ['rtc'] });
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    const iat = payload.iat ?? 0;
    assert.ok(Math.abs(iat - Date.now() / 1000) < 5, 'iat is now');
    assert.deepEqual(payload, {
      apikey: API_KEY,
      permissions: ['allow_join'],
      version: 2,
      roomId: 'room-1',
      roles: ['rtc'],
      iat,
      exp: iat + 7200,
    });
    assert.deepEqual(payload, { ...claims });
  });

  it('leaves roomId and roles out when not asked for', async () => {
    const { token } = await mintToken({ apiKey: API_KEY, secret: SECRET }, { ttlSeconds: 60 });
    const { payload } = await jwtVerify(token, key);
    assert.deepEqual(Object.keys(payload).sort(), ['apikey', 'exp', 'iat', 'permissions', 'version']);
    assert.equal(payload.exp! - payload.iat!, 60);
  });

  it('binds a participant when asked (never for the recorder: see templateUrl)', async () => {
    const { claims } = await mintToken({ apiKey: API_KEY, secret: SECRET }, { ttlSeconds: 60, participantId: 'p1' });
    assert.equal(claims.participantId, 'p1');
  });

  it('refuses what VideoSDK would: ask_join with others, a lifetime over 30 days, an empty room', async () => {
    const credentials = { apiKey: API_KEY, secret: SECRET };
    const cases: [Parameters<typeof mintToken>[1], RegExp][] = [
      [{ ttlSeconds: 60, permissions: ['ask_join', 'allow_join'] }, /ask_join cannot be combined/],
      [{ ttlSeconds: 31 * 86_400 }, /ttlSeconds=2678400 is not valid/],
      [{ ttlSeconds: 0 }, /ttlSeconds=0 is not valid/],
      [{ ttlSeconds: 60, roomId: ' ' }, /roomId must be a non-empty string/],
    ];
    for (const [request, message] of cases) {
      await assert.rejects(mintToken(credentials, request), (e: unknown) => e instanceof VideoSdkError && e.kind === 'invalid' && message.test(e.message));
    }
  });

  it('does not verify with another secret', async () => {
    const { token } = await mintToken({ apiKey: API_KEY, secret: SECRET }, { ttlSeconds: 60 });
    await assert.rejects(jwtVerify(token, new TextEncoder().encode(`${SECRET}x`)));
  });
});
