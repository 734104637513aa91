import { expect } from '@open-wc/testing';
import { explainLeaveReason, explainSdkError, isFailedLeave, isFatalSdkError, replacesFailure } from '../../src/sources/videosdk/videosdk-errors.js';

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

describe('replacesFailure', () => {
  const generic = { code: 'CONNECTION_FAILED', message: 'failed' };
  const specific = { code: '4001', message: 'bad key' };
  it('lets a specific code replace a generic one, never the other way round', () => {
    expect(replacesFailure(undefined, generic)).to.equal(true);
    expect(replacesFailure(generic, specific)).to.equal(true);
    expect(replacesFailure(specific, generic)).to.equal(false);
    expect(replacesFailure(specific, { code: '1103', message: 'join failed' })).to.equal(false);
    expect(replacesFailure(generic, { code: 'JOIN_FAILED', message: 'x' })).to.equal(false);
  });
});
