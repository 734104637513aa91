import { expect } from '@open-wc/testing';
import type { LayoutType, RecordingOptions } from '../../src/config/options.js';
import { participantLeft, pinChanged, speakerChanged, type MeetingState } from '../../src/meeting/state.js';
import { planLayout } from '../../src/layout/plan.js';
import type { LayoutPlan, Rect, Size } from '../../src/layout/types.js';
import {
  aMeeting,
  ids,
  someOptions,
  withHistory,
  withJoined,
  withPresenter,
  withSpeaker,
} from '../fixtures/meetings.js';

const STAGE: Size = { width: 1920, height: 1080 };
const DWELL = 1500;
const T = 100_000;

/** p1…pN with speaker order p1 newest, pN oldest, nobody speaking now. */
function ordered(count: number): MeetingState {
  return withHistory(aMeeting(count), ids(count).reverse());
}

function plan(
  state: MeetingState,
  previous: LayoutPlan | null,
  now: number,
  options: Partial<RecordingOptions> = {},
): LayoutPlan {
  return planLayout({ state, options: someOptions({ speakerDwellMs: DWELL, ...options }), stage: STAGE, previous, now });
}

function rectOf(p: LayoutPlan, id: string): Rect | undefined {
  return p.tiles.find((t) => t.key === `cam:${id}`)?.rect;
}

function roleOf(p: LayoutPlan, id: string): string | undefined {
  return p.tiles.find((t) => t.key === `cam:${id}`)?.role;
}

describe('planLayout: stability', () => {
  describe('GRID', () => {
    it('a join fills an empty slot and nobody else changes slot order', () => {
      const before = plan(ordered(3), null, T);
      const after = plan(withJoined(ordered(3), { id: 'p4' }), before, T + 10);
      expect(before.slots).to.deep.equal(['p1', 'p2', 'p3']);
      expect(after.slots).to.deep.equal(['p1', 'p2', 'p3', 'p4']);
      // The 3→4 grid keeps the first row exactly where it was.
      expect(rectOf(after, 'p1')).to.deep.equal(rectOf(before, 'p1'));
      expect(rectOf(after, 'p2')).to.deep.equal(rectOf(before, 'p2'));
    });

    it('a join into a full grid changes nothing on screen', () => {
      const before = plan(ordered(4), null, T);
      const after = plan(withJoined(ordered(4), { id: 'p5' }), before, T + 10);
      expect(after.tiles).to.deep.equal(before.tiles);
    });

    it("a leave is filled in the leaver's own slot; nobody else moves", () => {
      const state = ordered(6);
      const before = plan(state, null, T);
      expect(before.slots).to.deep.equal(['p1', 'p2', 'p3', 'p4']);
      const after = plan(participantLeft(state, 'p2'), before, T + 10);
      expect(after.slots).to.deep.equal(['p1', 'p5', 'p3', 'p4']);
      expect(rectOf(after, 'p5')).to.deep.equal(rectOf(before, 'p2'));
      for (const id of ['p1', 'p3', 'p4']) expect(rectOf(after, id)).to.deep.equal(rectOf(before, id));
    });

    it('a leave with nobody to replace keeps the slot order of the rest', () => {
      const before = plan(ordered(4), null, T);
      const after = plan(participantLeft(ordered(4), 'p2'), before, T + 10);
      expect(after.slots).to.deep.equal(['p1', 'p3', 'p4']);
    });

    it('an off-screen speaker waits for the dwell, then replaces the least recently active', () => {
      let state = ordered(6);
      const initial = plan(state, null, T);
      state = withSpeaker(state, 'p6', T + 1000);

      const waiting = plan(state, initial, T + 1000 + DWELL - 1);
      expect(waiting.tiles).to.deep.equal(initial.tiles);
      expect(waiting.slots).to.deep.equal(initial.slots);
      expect(waiting.recomputeAt).to.equal(T + 1000 + DWELL);

      const swapped = plan(state, waiting, T + 1000 + DWELL);
      expect(swapped.slots).to.deep.equal(['p1', 'p2', 'p3', 'p6']);
      expect(rectOf(swapped, 'p6')).to.deep.equal(rectOf(initial, 'p4'));
      for (const id of ['p1', 'p2', 'p3']) expect(rectOf(swapped, id)).to.deep.equal(rectOf(initial, id));
      expect(swapped.recomputeAt).to.equal(null);
    });

    it('a speaker already on screen never moves', () => {
      const initial = plan(ordered(6), null, T);
      const speaking = withSpeaker(ordered(6), 'p4', T + 1000);
      for (const now of [T + 1000, T + 2000, T + 60_000]) {
        const next = plan(speaking, initial, now);
        expect(next.tiles).to.deep.equal(initial.tiles);
        expect(next.recomputeAt).to.equal(null);
      }
    });

    it('two off-screen speakers alternating faster than the dwell never change the plan', () => {
      let state = ordered(6);
      let current = plan(state, null, T);
      const initial = current;
      for (let i = 0; i < 20; i++) {
        const now = T + 1000 + i * 500;
        state = speakerChanged(state, i % 2 === 0 ? 'p5' : 'p6', now);
        current = plan(state, current, now + 499);
        expect(current.tiles).to.deep.equal(initial.tiles);
        expect(current.recomputeAt).to.equal(now + DWELL);
      }
    });

    it('under PIN a speaker never replaces a pinned participant', () => {
      const options = { layoutPriority: 'PIN' as const, layoutGridSize: 2 };
      let state = pinChanged(ordered(5), 'p5', { cam: true, share: false });
      const initial = plan(state, null, T, options);
      expect(initial.slots).to.deep.equal(['p5', 'p1']);
      state = withSpeaker(state, 'p3', T + 1000);
      const after = plan(state, initial, T + 1000 + DWELL, options);
      expect(after.slots).to.deep.equal(['p5', 'p3']);
    });

    it('a smaller grid size drops the least recently active and keeps the order of the rest', () => {
      let state = ordered(4);
      const initial = plan(state, null, T);
      state = withSpeaker(state, 'p3', T + 10);
      const after = plan(state, initial, T + 20, { layoutGridSize: 2 });
      expect(after.slots).to.deep.equal(['p1', 'p3']);
    });
  });

  describe('SIDEBAR', () => {
    const options = { layoutType: 'SIDEBAR' as const };

    it('a strip speaker swaps into main after the dwell; the old main takes their strip slot', () => {
      let state = ordered(5);
      const initial = plan(state, null, T, options);
      expect(initial.slots).to.deep.equal(['p1', 'p2', 'p3', 'p4']);
      state = withSpeaker(state, 'p3', T + 1000);

      const waiting = plan(state, initial, T + 1000 + DWELL / 2, options);
      expect(waiting.tiles).to.deep.equal(initial.tiles);
      expect(waiting.recomputeAt).to.equal(T + 1000 + DWELL);

      const swapped = plan(state, waiting, T + 1000 + DWELL, options);
      expect(swapped.slots).to.deep.equal(['p3', 'p2', 'p1', 'p4']);
      expect(roleOf(swapped, 'p3')).to.equal('main');
      expect(rectOf(swapped, 'p3')).to.deep.equal(rectOf(initial, 'p1'));
      expect(rectOf(swapped, 'p1')).to.deep.equal(rectOf(initial, 'p3'));
      for (const id of ['p2', 'p4']) expect(rectOf(swapped, id)).to.deep.equal(rectOf(initial, id));
    });

    it('an off-screen speaker takes main; the old main replaces the least recent strip member', () => {
      let state = ordered(6);
      const initial = plan(state, null, T, options);
      state = withSpeaker(state, 'p6', T + 1000);
      const swapped = plan(state, initial, T + 1000 + DWELL, options);
      expect(swapped.slots).to.deep.equal(['p6', 'p2', 'p3', 'p1']);
      expect(rectOf(swapped, 'p1')).to.deep.equal(rectOf(initial, 'p4'));
    });

    it('the main speaker stays while strip members alternate within the dwell', () => {
      let state = withSpeaker(ordered(4), 'p1', T);
      let current = plan(state, null, T, options);
      const initial = current;
      for (let i = 0; i < 10; i++) {
        const now = T + 2000 + i * 700;
        state = speakerChanged(state, i % 2 === 0 ? 'p2' : 'p4', now);
        current = plan(state, current, now + 600, options);
        expect(current.tiles).to.deep.equal(initial.tiles);
      }
    });

    it('when a share starts, the main speaker tops the strip and the others keep their order', () => {
      let state = withSpeaker(ordered(4), 'p2', T);
      const initial = plan(state, null, T + DWELL, options);
      expect(initial.slots).to.deep.equal(['p2', 'p1', 'p3', 'p4']);
      state = withPresenter(state, 'p4');
      const sharing = plan(state, initial, T + DWELL + 10, options);
      expect(sharing.tiles[0]!.key).to.equal('share:p4');
      expect(sharing.slots).to.deep.equal(['p2', 'p1', 'p3', 'p4']);
    });

    it("when main leaves, the newest speaker fills it at once (no dwell for an empty spot)", () => {
      let state = withSpeaker(ordered(5), 'p1', T);
      const initial = plan(state, null, T + 10, options);
      state = withSpeaker(participantLeft(state, 'p1'), 'p4', T + 20);
      const after = plan(state, initial, T + 21, options);
      expect(after.slots[0]).to.equal('p4');
      expect(rectOf(after, 'p2')).to.deep.equal(rectOf(initial, 'p2'));
      expect(rectOf(after, 'p3')).to.deep.equal(rectOf(initial, 'p3'));
      expect(after.recomputeAt).to.equal(null);
    });
  });

  describe('SPOTLIGHT', () => {
    const options = { layoutType: 'SPOTLIGHT' as const };

    it('the first frame shows the speaker at once, without a dwell', () => {
      const state = withSpeaker(ordered(3), 'p3', T);
      const first = plan(state, null, T);
      expect(plan(state, null, T, options).slots).to.deep.equal(['p3']);
      expect(first.recomputeAt).to.equal(null);
    });

    it('a new speaker takes the spotlight only after the dwell', () => {
      let state = withSpeaker(ordered(3), 'p1', T);
      const initial = plan(state, null, T, options);
      state = withSpeaker(state, 'p2', T + 5000);
      const waiting = plan(state, initial, T + 5000 + DWELL - 1, options);
      expect(waiting.slots).to.deep.equal(['p1']);
      expect(waiting.recomputeAt).to.equal(T + 5000 + DWELL);
      const swapped = plan(state, waiting, waiting.recomputeAt!, options);
      expect(swapped.slots).to.deep.equal(['p2']);
      expect(swapped.tiles[0]!.rect).to.deep.equal(initial.tiles[0]!.rect);
    });

    it('a speaker who stops before the dwell never takes the spotlight; silence keeps the last one', () => {
      let state = withSpeaker(ordered(3), 'p1', T);
      const initial = plan(state, null, T, options);
      state = withSpeaker(state, 'p2', T + 5000);
      state = withSpeaker(state, null, T + 5000 + DWELL - 100);
      const after = plan(state, initial, T + 60_000, options);
      expect(after.slots).to.deep.equal(['p1']);
      expect(after.recomputeAt).to.equal(null);
    });

    it('a zero dwell swaps at once', () => {
      let state = withSpeaker(ordered(3), 'p1', T);
      const initial = plan(state, null, T, { ...options, speakerDwellMs: 0 });
      state = withSpeaker(state, 'p3', T + 100);
      expect(plan(state, initial, T + 100, { ...options, speakerDwellMs: 0 }).slots).to.deep.equal(['p3']);
    });

    it('after a share ends, the current speaker is shown at once', () => {
      let state = withPresenter(withSpeaker(ordered(3), 'p1', T), 'p2');
      const sharing = plan(state, null, T, options);
      expect(sharing.slots).to.deep.equal([]);
      state = withSpeaker(withPresenter(state, null), 'p3', T + 100);
      expect(plan(state, sharing, T + 101, options).slots).to.deep.equal(['p3']);
    });
  });

  describe('a seeded random meeting', () => {
    /** A small deterministic PRNG (mulberry32) so failures reproduce. */
    function random(seed: number): () => number {
      let a = seed;
      return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    const layouts: LayoutType[] = ['GRID', 'SPOTLIGHT', 'SIDEBAR'];
    for (const layoutType of layouts) {
      for (const gridSize of [2, 4]) {
        it(`${layoutType} gridSize ${gridSize}: speaker changes move at most the entering and the displaced`, () => {
          const rand = random(gridSize * 31 + layoutType.length);
          const options = { layoutType, layoutGridSize: gridSize };
          let state = ordered(8);
          let now = T;
          let current = plan(state, null, now, options);
          let changes = 0;
          for (let step = 0; step < 400; step++) {
            now += Math.floor(rand() * 1200);
            if (rand() < 0.6) {
              const who = rand() < 0.15 ? null : `p${1 + Math.floor(rand() * 8)}`;
              state = speakerChanged(state, who, now);
            }
            const next = plan(state, current, now, options);
            const moved = next.slots.filter((id) => {
              const before = rectOf(current, id);
              return before !== undefined && JSON.stringify(before) !== JSON.stringify(rectOf(next, id));
            });
            const entered = next.slots.filter((id) => !current.slots.includes(id));
            expect(entered.length, `step ${step}`).to.be.at.most(1);
            if (entered.length === 1) {
              expect(entered[0], `step ${step}: only the speaker enters`).to.equal(state.activeSpeakerId);
              expect(now - state.speakingSince, `step ${step}: after the dwell`).to.be.at.least(DWELL);
            }
            if (layoutType === 'GRID') {
              expect(moved, `step ${step}: nobody on screen moves in GRID`).to.deep.equal([]);
            } else {
              // A swap moves the new main and the one it displaced; nobody else.
              expect(moved.length, `step ${step}`).to.be.at.most(2);
              if (moved.length > 0) {
                expect(next.slots[0]).to.equal(state.activeSpeakerId);
                const swapped = [next.slots[0], current.slots[0]];
                for (const id of moved) expect(swapped, `step ${step}: ${id} moved`).to.include(id);
              }
            }
            if (next.slots[0] !== current.slots[0] && layoutType !== 'GRID') {
              expect(next.slots[0], `step ${step}: a new main is the speaker`).to.equal(state.activeSpeakerId);
            }
            const speaker = state.activeSpeakerId;
            const speakerMain = speaker !== null && next.slots[0] === speaker;
            const speakerShown = speaker !== null && next.slots.includes(speaker);
            const settled = layoutType === 'GRID' ? speakerShown : speakerMain;
            if (speaker !== null && !settled) {
              expect(next.recomputeAt, `step ${step}: pending`).to.equal(state.speakingSince + DWELL);
              expect(next.recomputeAt!).to.be.greaterThan(now);
            } else {
              expect(next.recomputeAt, `step ${step}`).to.equal(null);
            }
            if (JSON.stringify(next.slots) !== JSON.stringify(current.slots)) changes++;
            current = next;
          }
          // The walk must actually exercise swaps, or the checks above prove nothing.
          expect(changes).to.be.greaterThan(5);
        });
      }
    }

    it('joins and leaves keep the slot order of everyone who stays', () => {
      const rand = random(7);
      for (const layoutType of layouts) {
        let state = ordered(5);
        let next = 6;
        let now = T;
        let current = plan(state, null, now, { layoutType });
        for (let step = 0; step < 200; step++) {
          now += 100;
          const present = [...state.participants.keys()];
          if (rand() < 0.5 || present.length < 2) state = withJoined(state, { id: `p${next++}` });
          else state = participantLeft(state, present[Math.floor(rand() * present.length)]!);
          const after = plan(state, current, now, { layoutType });
          const stayed = (slots: readonly string[]) =>
            slots.filter((id) => state.participants.has(id) && current.slots.includes(id) && after.slots.includes(id));
          // The main spot may be refilled from the strip when main leaves; the strip keeps its order.
          const from = layoutType === 'GRID' ? 0 : 1;
          expect(stayed(after.slots.slice(from)), `${layoutType} step ${step}`).to.deep.equal(
            stayed(current.slots.slice(from)).filter((id) => id !== after.slots[0] || from === 0),
          );
          current = after;
        }
      }
    });
  });
});
