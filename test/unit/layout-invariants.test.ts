import { expect } from '@open-wc/testing';
import {
  LAYOUT_PRIORITIES,
  LAYOUT_TYPES,
  MODES,
  ORIENTATIONS,
  type RecordingOptions,
} from '../../src/config/options.js';
import { speakerChanged, type MeetingState } from '../../src/meeting/state.js';
import { planLayout } from '../../src/layout/plan.js';
import type { LayoutPlan, Rect, Size } from '../../src/layout/types.js';
import { aMeeting, ids, someOptions, withHistory, withPins, withPresenter } from '../fixtures/meetings.js';

const STAGES: Record<(typeof ORIENTATIONS)[number], Size[]> = {
  landscape: [{ width: 1920, height: 1080 }, { width: 854, height: 480 }],
  portrait: [{ width: 1080, height: 1920 }, { width: 360, height: 640 }],
};
const DWELL = 1500;
const T = 200_000;
const area = (r: Rect) => r.width * r.height;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** One meeting of the matrix: who is there, who presents, who is pinned. */
interface Case {
  readonly state: MeetingState;
  readonly options: RecordingOptions;
  readonly label: string;
}

function buildCase(
  options: RecordingOptions,
  count: number,
  share: boolean,
  pins: boolean,
): Case {
  let state = withHistory(aMeeting(count), ids(count).reverse());
  const presenter = count % 2 === 0 ? 'p3' : 'p2';
  if (share && count > 0) state = withPresenter(state, state.participants.has(presenter) ? presenter : 'p1');
  if (pins) state = withPins(state, ['p3', 'p1', 'p7'].filter((id) => state.participants.has(id)));
  const label = `${options.layoutType}/${options.layoutPriority}/grid ${options.layoutGridSize}/${options.orientation}/${options.mode} n=${count} share=${share} pins=${pins}`;
  return { state, options, label };
}

/** What the documented rules say must be on screen, independent of how the planner gets there. */
function expectations(c: Case) {
  const { state, options } = c;
  const pins = options.layoutPriority === 'PIN' ? state.pins : [];
  const pinnedCams = pins.filter((p) => p.cam).map((p) => p.participantId);
  const presenter = state.presenterId;
  const sharePinned = presenter !== null && pins.some((p) => p.participantId === presenter && p.share);
  const byPin = pinnedCams.length > 0 || sharePinned;
  const exclusive = byPin && options.layoutType !== 'GRID';
  const share = options.mode === 'video-and-audio' && presenter !== null && (!exclusive || sharePinned);
  const count = state.participants.size;
  const size = options.layoutGridSize;
  let cameras: number;
  if (exclusive) cameras = options.layoutType === 'SPOTLIGHT' && share ? 0 : Math.min(size, pinnedCams.length);
  else if (options.layoutType === 'SPOTLIGHT') cameras = share ? 0 : Math.min(1, count);
  else cameras = Math.min(size, count);
  return { share, cameras, exclusive, pinnedCams };
}

function checkPlan(plan: LayoutPlan, c: Case, stage: Size, label: string, settled: boolean): void {
  const { state, options } = c;
  const want = expectations(c);
  const cams = plan.tiles.filter((t) => t.key.startsWith('cam:'));
  const shares = plan.tiles.filter((t) => t.key.startsWith('share:'));

  expect(plan.stage, label).to.deep.equal(stage);
  expect(new Set(plan.tiles.map((t) => t.key)).size, `${label}: keys unique`).to.equal(plan.tiles.length);
  for (const t of plan.tiles) {
    const r = t.rect;
    for (const v of [r.x, r.y, r.width, r.height]) expect(Number.isInteger(v), `${label}: ${t.key} integer`).to.equal(true);
    expect(r.width > 0 && r.height > 0, `${label}: ${t.key} has area`).to.equal(true);
    expect(r.x >= 0 && r.y >= 0, `${label}: ${t.key} inside`).to.equal(true);
    expect(r.x + r.width <= stage.width && r.y + r.height <= stage.height, `${label}: ${t.key} inside`).to.equal(true);
    expect(state.participants.has(t.participantId), `${label}: ${t.key} present`).to.equal(true);
  }
  plan.tiles.forEach((a, i) =>
    plan.tiles.slice(i + 1).forEach((b) => expect(overlaps(a.rect, b.rect), `${label}: ${a.key}/${b.key}`).to.equal(false)),
  );
  for (const t of cams) {
    expect(t.key, label).to.equal(`cam:${t.participantId}`);
    expect(t.fit, `${label}: cameras cover`).to.equal('cover');
    expect(t.role, label).to.not.equal('share');
  }
  for (const t of shares) {
    expect(t.key, label).to.equal(`share:${t.participantId}`);
    expect(t.participantId, label).to.equal(state.presenterId);
    expect([t.fit, t.role], `${label}: share contained`).to.deep.equal(['contain', 'share']);
  }
  expect(plan.slots, `${label}: slots are the camera tiles in order`).to.deep.equal(cams.map((t) => t.participantId));
  expect(cams.length, `${label}: camera tiles`).to.equal(want.cameras);
  expect(cams.length, `${label}: at most gridSize`).to.be.at.most(options.layoutGridSize);
  expect(shares.length, `${label}: share tiles`).to.equal(want.share ? 1 : 0);
  if (state.participants.size > 0) expect(plan.tiles.length, `${label}: never blank`).to.be.greaterThan(0);

  const largest = [...plan.tiles].sort((a, b) => area(b.rect) - area(a.rect));
  if (want.share) {
    expect(largest[0]!.role, `${label}: the share is the largest tile`).to.equal('share');
    if (largest[1]) expect(area(largest[0]!.rect), label).to.be.greaterThan(area(largest[1].rect));
  }
  if (want.exclusive) {
    for (const t of cams) expect(want.pinnedCams, `${label}: only pinned`).to.include(t.participantId);
  } else if (options.layoutPriority === 'PIN' && options.layoutType === 'GRID') {
    expect(plan.slots.slice(0, want.pinnedCams.length), `${label}: pinned first`).to.deep.equal(
      want.pinnedCams.slice(0, options.layoutGridSize),
    );
  }
  const speaker = state.activeSpeakerId;
  if (settled && speaker !== null && !want.share && !want.exclusive && options.layoutType !== 'GRID') {
    expect(largest[0]!.participantId, `${label}: the speaker is the largest tile`).to.equal(speaker);
    expect(largest[0]!.role, label).to.equal('main');
    if (largest[1]) expect(area(largest[0]!.rect), label).to.be.greaterThan(area(largest[1].rect));
  }
  if (settled && speaker !== null && !want.exclusive && options.layoutType === 'GRID' && want.pinnedCams.length < options.layoutGridSize) {
    expect(plan.slots, `${label}: the speaker is on screen`).to.include(speaker);
  }
}

describe('planLayout: invariants over every layout × priority × grid size × 0–25 participants × share × pins', () => {
  for (const layoutType of LAYOUT_TYPES) {
    for (const layoutPriority of LAYOUT_PRIORITIES) {
      for (const orientation of ORIENTATIONS) {
        for (const mode of MODES) {
          it(`${layoutType} ${layoutPriority} ${orientation} ${mode}`, () => {
            let checked = 0;
            for (const layoutGridSize of [1, 2, 3, 4]) {
              const options = someOptions({ layoutType, layoutPriority, layoutGridSize, orientation, mode, speakerDwellMs: DWELL });
              for (let count = 0; count <= 25; count++) {
                for (const share of [false, true]) {
                  for (const pins of [false, true]) {
                    const c = buildCase(options, count, share, pins);
                    for (const stage of STAGES[orientation]) {
                      const label = `${c.label} ${stage.width}x${stage.height}`;
                      const plan = (state: MeetingState, previous: LayoutPlan | null, now: number) =>
                        planLayout({ state, options, stage, previous, now });
                      // First frame: the last speaker is right at once.
                      const first = plan(c.state, null, T);
                      checkPlan(first, c, stage, `${label} first`, true);
                      if (count === 0) continue;
                      // The oldest participant starts speaking: pending, then settled after the dwell.
                      const speaking = { ...c, state: speakerChanged(c.state, `p${count}`, T + 1000) };
                      const pending = plan(speaking.state, first, T + 1000 + DWELL - 1);
                      checkPlan(pending, speaking, stage, `${label} pending`, false);
                      const settled = plan(speaking.state, pending, T + 1000 + DWELL);
                      checkPlan(settled, speaking, stage, `${label} settled`, true);
                      if (pending.recomputeAt !== null) {
                        expect(pending.recomputeAt, label).to.equal(T + 1000 + DWELL);
                        expect(settled.recomputeAt, label).to.equal(null);
                      }
                      checked += 3;
                    }
                  }
                }
              }
            }
            expect(checked).to.be.greaterThan(1000);
          });
        }
      }
    }
  }
});
