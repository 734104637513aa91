import { expect } from '@open-wc/testing';
import {
  checkRecorderParams,
  explainLeaveReason,
  explainSdkError,
  isFailedLeave,
  isFatalSdkError,
  readTokenClaims,
  sdkLoadFailure,
} from '../../src/meeting/recorder-errors.js';
import { aToken } from '../fixtures/fake-videosdk-harness.js';

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

describe('explainSdkError', () => {
  const table: Array<[number, string]> = [
    [4001, 'API key'],
    [4002, 'expired'],
    [4003, 'meetingId'],
    [4004, 'participantId'],
    [4005, 'already joined'],
    [4006, 'deactivated'],
    [4007, 'discontinued'],
    [4008, 'permissions'],
    [4009, 'maximum number of participants'],
    [4010, 'maximum number of speakers'],
    [4022, 'meetingId'],
    [4023, 'participantId'],
    [4024, 'rtc'],
    [4025, 'security'],
  ];
  for (const [code, mentions] of table) {
    it(`explains ${code} in one line`, () => {
      const failure = explainSdkError(code, 'server text');
      expect(failure.code).to.equal(String(code));
      expect(failure.message).to.contain(mentions);
      expect(failure.message).not.to.contain('\n');
      expect(isFatalSdkError(code)).to.equal(true);
    });
  }

  it('falls back to the SDK\'s message for unknown codes, on one line and without tokens', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJhcGlrZXkiOiJrIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const failure = explainSdkError(4999, `something\nbroke with ${jwt}`);
    expect(failure.code).to.equal('4999');
    expect(failure.message).to.equal('VideoSDK reported: something broke with [token]');
    expect(isFatalSdkError(4999)).to.equal(false);
  });

  it('treats media errors as non-fatal', () => {
    for (const code of [3065, 4073, 4080, 4081, 4082, 4083, 4088]) expect(isFatalSdkError(code)).to.equal(false);
  });
});

describe('explainLeaveReason', () => {
  const table: Array<[number, string, boolean]> = [
    [1006, 'closed', false],
    [1009, 'ended through the API', false],
    [1002, 'removed', false],
    [1010, 'removed through the API', false],
    [1101, 'left', false],
    [1011, 'participantId', true],
    [1102, 'reconnect', true],
    [1103, 'failed to join', true],
  ];
  for (const [code, mentions, failed] of table) {
    it(`explains ${code}${failed ? ' as a failure' : ''}`, () => {
      expect(explainLeaveReason(code)).to.contain(mentions);
      expect(isFailedLeave(code)).to.equal(failed);
    });
  }

  it('names unknown codes', () => {
    expect(explainLeaveReason(1999)).to.contain('1999');
  });
});

describe('sdkLoadFailure', () => {
  it('says what failed and what to check', () => {
    const failure = sdkLoadFailure(new TypeError('Failed to fetch dynamically imported module: https://x/videosdk.js'));
    expect(failure.code).to.equal('SDK_LOAD_FAILED');
    expect(failure.message).to.contain('Failed to fetch').and.contain('network');
  });
});
