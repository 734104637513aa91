import { expect } from '@open-wc/testing';
import { type Frame, type FrameEdits, type FrameInput, NO_EDITS, frameOf } from '../../src/components/frame.js';
import { type FeatureParams, NO_FEATURES } from '../../src/config/feature-params.js';
import type { RecordingOptions } from '../../src/config/options.js';
import type { Size } from '../../src/layout/types.js';
import { type MeetingState, emptyMeeting, participantUpdated, statusChanged } from '../../src/meeting/state.js';
import { aMeeting, ids, someOptions, withHistory, withPresenter } from '../fixtures/meetings.js';

const LANDSCAPE: Size = { width: 1920, height: 1080 };
/** p1…pN with speaker order p1 newest, pN oldest, nobody speaking now. */
const ordered = (count: number): MeetingState => withHistory(aMeeting(count), ids(count).reverse());

/** A frame for a meeting with the URL's options and features, edits, a size and a previous frame. */
function frame(
  meeting: MeetingState,
  url: { options?: Partial<RecordingOptions>; features?: Partial<FeatureParams> } = {},
  rest: Partial<Omit<FrameInput, 'meeting' | 'params'>> = {},
): Frame {
  return frameOf({
    meeting,
    params: { options: someOptions(url.options), features: { ...NO_FEATURES, ...url.features } },
    edits: NO_EDITS,
    size: { viewport: LANDSCAPE },
    now: 100_000,
    ...rest,
  });
}

const keys = (f: Frame) => f.plan?.tiles.map((t) => `${t.role}:${t.participantId}`);

describe('frameOf', () => {
  describe('options in force: URL, then edits, then live changes; the share layout while someone shares', () => {
    const sharing = withPresenter(ordered(3), 'p2');
    const overridden = (m: MeetingState, o: Partial<RecordingOptions>) => ({ ...m, optionOverrides: o });
    const edits = (options: Partial<RecordingOptions>, features: Partial<FeatureParams> = {}): FrameEdits => ({ options, features });
    const cases: ReadonlyArray<{
      readonly name: string;
      readonly meeting: MeetingState;
      readonly url?: { options?: Partial<RecordingOptions>; features?: Partial<FeatureParams> };
      readonly edits?: FrameEdits;
      readonly options: Partial<RecordingOptions>;
      readonly layoutType: RecordingOptions['layoutType'];
    }> = [
      { name: 'the URL alone', meeting: ordered(2), url: { options: { theme: 'DARK' } }, options: { theme: 'DARK', layoutType: 'GRID' }, layoutType: 'GRID' },
      { name: 'an edit beats the URL', meeting: ordered(2), url: { options: { theme: 'DARK' } }, edits: edits({ theme: 'LIGHT' }), options: { theme: 'LIGHT' }, layoutType: 'GRID' },
      {
        name: 'a live change beats an edit',
        meeting: overridden(ordered(2), { layoutType: 'SIDEBAR' }),
        edits: edits({ layoutType: 'SPOTLIGHT' }),
        options: { layoutType: 'SIDEBAR' },
        layoutType: 'SIDEBAR',
      },
      { name: 'the share layout only while someone shares', meeting: ordered(3), url: { features: { shareLayout: 'SPOTLIGHT' } }, options: { layoutType: 'GRID' }, layoutType: 'GRID' },
      { name: 'the share layout while p2 shares', meeting: sharing, url: { features: { shareLayout: 'SPOTLIGHT' } }, options: { layoutType: 'GRID' }, layoutType: 'SPOTLIGHT' },
      {
        name: 'the share layout over a live layout change, which the options still show',
        meeting: overridden(sharing, { layoutType: 'SIDEBAR' }),
        edits: edits({}, { shareLayout: 'SPOTLIGHT' }),
        options: { layoutType: 'SIDEBAR' },
        layoutType: 'SPOTLIGHT',
      },
      {
        name: 'no share layout in audio mode (no share is shown)',
        meeting: sharing,
        url: { options: { mode: 'audio' }, features: { shareLayout: 'SIDEBAR' } },
        options: { mode: 'audio' },
        layoutType: 'GRID',
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const f = frame(c.meeting, c.url, { edits: c.edits ?? NO_EDITS });
        for (const [name, value] of Object.entries(c.options)) expect(f.options[name as keyof RecordingOptions], name).to.equal(value);
        expect(f.layoutType).to.equal(c.layoutType);
      });
    }
  });

  it('live option overrides in the state are layered over the given options', () => {
    const state = { ...ordered(3), optionOverrides: { layoutType: 'SPOTLIGHT' as const } };
    const plan = frame(state, { options: { layoutType: 'GRID' } }).plan!;
    expect(plan.tiles.map((t) => [t.key, t.role, t.rect.x, t.rect.y, t.rect.width, t.rect.height])).to.deep.equal([['cam:p1', 'main', 11, 11, 1898, 1058]]);
  });

  describe('stage, plan and demand by meeting status and size', () => {
    const cases: ReadonlyArray<readonly [string, MeetingState, Size | undefined, boolean, boolean]> = [
      // name, meeting, viewport, has a stage, has a plan
      ['loading: a stage, no tiles', emptyMeeting(), LANDSCAPE, true, false],
      ['live', ordered(2), LANDSCAPE, true, true],
      ['reconnecting keeps the tiles', statusChanged(ordered(2), 'reconnecting'), LANDSCAPE, true, true],
      ['ended: no tiles', statusChanged(ordered(2), 'ended'), LANDSCAPE, true, false],
      ['size unknown: nothing drawn', ordered(2), undefined, false, false],
    ];
    for (const [name, meeting, viewport, hasStage, hasPlan] of cases) {
      it(name, () => {
        const f = frame(meeting, {}, { size: viewport ? { viewport } : {} });
        expect(f.stage !== undefined, 'stage').to.equal(hasStage);
        expect(f.plan !== undefined, 'plan').to.equal(hasPlan);
        // Everyone is heard whatever is drawn; video only for tiles on screen.
        expect([...f.demand.audio]).to.deep.equal([...meeting.participants.keys()]);
        expect([...f.demand.video].sort()).to.deep.equal(hasPlan ? [...meeting.participants.keys()].sort() : []);
      });
    }
  });

  it('letterboxes the stage in the viewport for the orientation', () => {
    expect(frame(ordered(1), {}, { size: { viewport: { width: 1000, height: 1000 } } }).stage).to.deep.equal({ x: 0, y: 218, width: 1000, height: 563 });
    expect(frame(ordered(1), { options: { orientation: 'portrait' } }, { size: { viewport: { width: 1000, height: 1000 } } }).stage).to.deep.equal({
      x: 218,
      y: 0,
      width: 563,
      height: 1000,
    });
  });

  it('plans in the tile area the stage reported, unless the stage has changed size since', () => {
    const first = frame(ordered(1));
    const tileArea = { width: 1920, height: 1000 };
    expect(frame(ordered(1), {}, { previous: first, size: { viewport: LANDSCAPE, tileArea } }).plan!.stage).to.deep.equal(tileArea);
    const resized = { width: 1280, height: 720 };
    expect(frame(ordered(1), {}, { previous: first, size: { viewport: resized, tileArea } }).plan!.stage).to.deep.equal(resized);
  });

  it('keeps hidden participants off the frame but heard', () => {
    const meeting = participantUpdated(ordered(3), 'p3', { hiddenFromRecording: true });
    const f = frame(meeting, { features: { hide: ['p1'] } });
    expect(keys(f)).to.deep.equal(['grid:p2']);
    expect([...f.demand.audio].sort()).to.deep.equal(['p1', 'p2', 'p3']);
  });

  it('audio mode asks for no video', () => {
    const f = frame(ordered(2), { options: { mode: 'audio' } });
    expect(f.plan!.tiles.length).to.equal(2);
    expect(f.demand.video.size).to.equal(0);
  });

  it('holds the spotlight through the speaker dwell, measured from the previous frame', () => {
    const first = frame(ordered(3), { options: { layoutType: 'SPOTLIGHT', speakerDwellMs: 1500 } });
    expect(keys(first)).to.deep.equal(['main:p1']);
    const speaking = { ...ordered(3), activeSpeakerId: 'p3', speakingSince: 100_000 };
    const during = frame(speaking, { options: { layoutType: 'SPOTLIGHT', speakerDwellMs: 1500 } }, { previous: first, now: 100_500 });
    expect(keys(during)).to.deep.equal(['main:p1']);
    expect(during.plan!.recomputeAt).to.equal(101_500);
    const after = frame(speaking, { options: { layoutType: 'SPOTLIGHT', speakerDwellMs: 1500 } }, { previous: during, now: 101_500 });
    expect(keys(after)).to.deep.equal(['main:p3']);
  });

  it('holds the opening until every on-screen camera presented a frame, then keeps the reveal', () => {
    const meeting = aMeeting(6);
    const early = { now: 500 };
    const held = frame(meeting, {}, early);
    expect([held.revealed, held.openingCheckAt]).to.deep.equal([false, 3000]);
    // The plan and the media demand do not wait: cameras are asked for during the opening.
    expect([...held.demand.video].sort()).to.deep.equal(['p1', 'p2', 'p3', 'p4']);
    const shown = new Set(held.plan!.tiles.map((t) => t.participantId));
    const all = frame(meeting, {}, { ...early, previous: held, presented: (tile) => shown.has(tile.participantId) });
    expect([all.revealed, all.openingCheckAt]).to.deep.equal([true, null]);
    // Never taken back, even when nothing has presented any more (a re-join's new tracks).
    expect(frame(meeting, {}, { ...early, previous: all }).revealed).to.equal(true);
  });

  it('reveals at the openingMs bound, at once with openingMs=0, and before the size is known only by the bound', () => {
    const meeting = aMeeting(2);
    expect(frame(meeting, { options: { openingMs: 2000 } }, { now: 1999 }).revealed).to.equal(false);
    expect(frame(meeting, { options: { openingMs: 2000 } }, { now: 2000 }).revealed).to.equal(true);
    expect(frame(meeting, { options: { openingMs: 0 } }, { now: 0 }).revealed).to.equal(true);
    expect(frame(meeting, {}, { now: 10, size: {} }).revealed).to.equal(false);
  });
});
