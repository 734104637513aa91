import { expect } from '@open-wc/testing';
import { checkRecorderParams, readTokenClaims, sdkLoadFailure } from '../../src/sources/videosdk/recorder-errors.js';
import { aToken } from '../fixtures/fake-js-sdk-harness.js';

const now = Date.UTC(2026, 4, 21, 12, 0, 0);
const seconds = now / 1000;
const token = (claims: Record<string, unknown> = {}): string => aToken({ iat: seconds - 60, exp: seconds + 3600, ...claims });

describe('checkRecorderParams', () => {
  it('accepts no token at all (preview mode is not a failure)', () => {
    expect(checkRecorderParams({}, now)).to.equal(null);
    expect(checkRecorderParams({ meetingId: 'room-1' }, now)).to.equal(null);
  });

  it('accepts a valid join token, room-bound or not', () => {
    expect(checkRecorderParams({ token: token(), meetingId: 'room-1', participantId: 'rec' }, now)).to.equal(null);
    expect(checkRecorderParams({ token: token({ roomId: 'room-1', roles: ['rtc'] }), meetingId: 'room-1' }, now)).to.equal(null);
    expect(checkRecorderParams({ token: token({ exp: undefined }), meetingId: 'room-1' }, now)).to.equal(null);
  });

  const cases: Array<[string, Parameters<typeof checkRecorderParams>[0], string, string]> = [
    ['a token without meetingId', { token: token() }, 'MISSING_MEETING_ID', 'meetingId'],
    ['a token that is not a JWT', { token: 'abc123', meetingId: 'room-1' }, 'TOKEN_NOT_JWT', 'token'],
    ['a JWT with two parts', { token: token().split('.').slice(0, 2).join('.'), meetingId: 'room-1' }, 'TOKEN_NOT_JWT', 'token'],
    ['a JWT whose payload is not JSON', { token: `${btoa('{}')}.${btoa('not json')}.sig`, meetingId: 'room-1' }, 'TOKEN_NOT_JWT', 'token'],
    ['a JWT with characters outside base64url', { token: 'a$b.c%d.e', meetingId: 'room-1' }, 'TOKEN_NOT_JWT', 'token'],
    ['an expired token', { token: token({ exp: seconds - 1 }), meetingId: 'room-1' }, 'TOKEN_EXPIRED', '2026-05-21T11:59:59.000Z'],
    [
      'a token bound to another participantId',
      { token: token({ participantId: 'alice' }), meetingId: 'room-1', participantId: 'rec-1' },
      'TOKEN_PARTICIPANT_BOUND',
      'participantId=rec-1',
    ],
    [
      'a participant-bound token when the URL has no participantId',
      { token: token({ participantId: 'alice' }), meetingId: 'room-1' },
      'TOKEN_PARTICIPANT_BOUND',
      'participantId',
    ],
    ['a token for another room', { token: token({ roomId: 'room-2' }), meetingId: 'room-1' }, 'TOKEN_ROOM_MISMATCH', 'meetingId=room-1'],
    ['a crawler-only token', { token: token({ roles: ['crawler'] }), meetingId: 'room-1' }, 'TOKEN_CANNOT_JOIN', 'rtc'],
  ];
  for (const [what, params, code, mentions] of cases) {
    it(`rejects ${what} with ${code}, naming the URL parameter, without the token`, () => {
      const failure = checkRecorderParams(params, now);
      expect(failure?.code).to.equal(code);
      expect(failure?.message).to.contain(mentions);
      expect(failure?.message).not.to.contain('\n');
      if (params.token) expect(failure?.message).not.to.contain(params.token);
    });
  }

  it('reads claims from a base64url payload with non-ASCII text', () => {
    expect(readTokenClaims(aToken({ name: 'Zoë 李' }))).to.include({ version: 2, name: 'Zoë 李' });
  });
});

describe('sdkLoadFailure', () => {
  it('says what failed and what to check', () => {
    const failure = sdkLoadFailure(new TypeError('Failed to fetch dynamically imported module: https://x/videosdk.js'));
    expect(failure.code).to.equal('SDK_LOAD_FAILED');
    expect(failure.message).to.contain('Failed to fetch').and.contain('network');
  });
});
