import { expect } from '@open-wc/testing';
import { type OpeningInput, openingGate } from '../../src/layout/opening.js';
import { planLayout } from '../../src/layout/plan.js';
import type { PlannedTile } from '../../src/layout/types.js';
import { type MeetingState, participantUpdated } from '../../src/meeting/state.js';
import { aMeeting, someOptions, withPresenter } from '../fixtures/meetings.js';

const STAGE = { width: 1280, height: 720 };

/** The gate's input for a meeting laid out as the app would, the cameras in `presented` having shown a frame. */
function inputFor(meeting: MeetingState, overrides: Partial<OpeningInput> & { presentedIds?: readonly string[] } = {}): OpeningInput {
  const plan = planLayout({ state: meeting, options: someOptions(), stage: STAGE, previous: null, now: 0 });
  const presented = new Set(overrides.presentedIds ?? []);
  return {
    boundMs: 3000,
    since: 0,
    now: 500,
    revealed: false,
    tiles: plan.tiles,
    participants: meeting.participants,
    audioOnly: false,
    presented: (tile: PlannedTile) => presented.has(`${tile.role === 'share' ? 'share' : 'cam'}:${tile.participantId}`),
    ...overrides,
  };
}

/** p1…pN as the SDK first reports them: every flag false, not yet confirmed. */
function justJoined(count: number): MeetingState {
  return aMeeting(count, { webcamOn: false, micOn: false, mediaPending: true });
}

const cams = (...ids: string[]) => ids.map((id) => `cam:${id}`);

describe('openingGate', () => {
  const cases: Array<{ name: string; meeting: () => MeetingState; input?: Partial<OpeningInput> & { presentedIds?: readonly string[] }; revealed: boolean; waitingFor?: string[] }> = [
    { name: 'holds while no camera has presented a frame', meeting: () => aMeeting(4), revealed: false, waitingFor: ['p1', 'p2', 'p3', 'p4'] },
    { name: 'holds while one camera of four has not presented', meeting: () => aMeeting(4), input: { presentedIds: cams('p1', 'p2', 'p3') }, revealed: false, waitingFor: ['p4'] },
    { name: 'reveals once every on-screen camera has presented', meeting: () => aMeeting(4), input: { presentedIds: cams('p1', 'p2', 'p3', 'p4') }, revealed: true },
    { name: 'holds on the SDK\'s first all-false flags (they are not news of a camera off)', meeting: () => justJoined(4), revealed: false, waitingFor: ['p1', 'p2', 'p3', 'p4'] },
    {
      name: 'does not wait for a camera the server says is off',
      meeting: () => participantUpdated(aMeeting(2), 'p2', { webcamOn: false }),
      input: { presentedIds: cams('p1') },
      revealed: true,
    },
    {
      name: 'waits for a participant whose flags are still the first ones, even beside ready tiles',
      meeting: () => participantUpdated(aMeeting(3), 'p3', { webcamOn: false, mediaPending: true }),
      input: { presentedIds: cams('p1', 'p2') },
      revealed: false,
      waitingFor: ['p3'],
    },
    { name: 'only on-screen cameras count (4 of 100)', meeting: () => aMeeting(100), input: { presentedIds: cams('p1', 'p2', 'p3', 'p4') }, revealed: true },
    { name: 'reveals at the bound whatever has come', meeting: () => justJoined(4), input: { now: 3000 }, revealed: true },
    { name: 'holds just before the bound', meeting: () => justJoined(4), input: { now: 2999 }, revealed: false, waitingFor: ['p1', 'p2', 'p3', 'p4'] },
    { name: 'counts the bound from when the opening began', meeting: () => aMeeting(1), input: { since: 5000, now: 7000 }, revealed: false, waitingFor: ['p1'] },
    { name: 'openingMs=0 turns the gate off', meeting: () => justJoined(4), input: { boundMs: 0, now: 0 }, revealed: true },
    { name: 'a reveal is never taken back', meeting: () => justJoined(4), input: { revealed: true }, revealed: true },
    { name: 'audio-only recordings have nothing to wait for', meeting: () => justJoined(4), input: { audioOnly: true }, revealed: true },
    {
      name: 'a screen share on screen waits for its first frame',
      meeting: () => withPresenter(aMeeting(2), 'p1'),
      input: { presentedIds: cams('p1', 'p2') },
      revealed: false,
      waitingFor: ['p1'],
    },
  ];
  for (const { name, meeting, input, revealed, waitingFor } of cases) {
    it(name, () => {
      const decision = openingGate(inputFor(meeting(), input));
      expect(decision.revealed).to.equal(revealed);
      expect([...decision.waitingFor].sort()).to.deep.equal(waitingFor ?? []);
    });
  }

  it('asks to decide again at the bound while it holds, and never once revealed', () => {
    expect(openingGate(inputFor(aMeeting(2), { since: 100, boundMs: 2000 })).checkAt).to.equal(2100);
    expect(openingGate(inputFor(aMeeting(2), { presentedIds: cams('p1', 'p2') })).checkAt).to.equal(null);
  });

  it('holds with nothing planned yet (joining, or nobody in the meeting) until the bound', () => {
    for (const tiles of [undefined, []]) {
      expect(openingGate(inputFor(aMeeting(0), { tiles }))).to.deep.equal({ revealed: false, waitingFor: [], checkAt: 3000 });
      expect(openingGate(inputFor(aMeeting(0), { tiles, now: 3000 })).revealed).to.equal(true);
    }
  });

  it('for any count and any mix of cameras, it reveals exactly when every on-screen camera that is on has a frame', () => {
    for (let count = 1; count <= 12; count++) {
      for (let mask = 0; mask < 16; mask++) {
        let meeting = aMeeting(count);
        for (let i = 1; i <= Math.min(count, 4); i++) if (mask & (1 << (i - 1))) meeting = participantUpdated(meeting, `p${i}`, { webcamOn: false });
        const input = inputFor(meeting);
        const onScreenOn = (input.tiles ?? []).filter((t) => meeting.participants.get(t.participantId)?.webcamOn).map((t) => `cam:${t.participantId}`);
        expect(openingGate(input).revealed, `${count} people, mask ${mask}: nothing presented`).to.equal(onScreenOn.length === 0);
        expect(openingGate(inputFor(meeting, { presentedIds: onScreenOn })).revealed, `${count} people, mask ${mask}: all presented`).to.equal(true);
      }
    }
  });
});
