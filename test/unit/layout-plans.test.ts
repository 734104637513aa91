import { expect } from '@open-wc/testing';
import type { RecordingOptions } from '../../src/config/options.js';
import type { MeetingState } from '../../src/meeting/state.js';
import { planLayout } from '../../src/layout/plan.js';
import { fitStage } from '../../src/layout/stage.js';
import type { LayoutPlan, PlannedTile, Size } from '../../src/layout/types.js';
import {
  aMeeting,
  ids,
  someOptions,
  withHistory,
  withPins,
  withPresenter,
  withSpeaker,
} from '../fixtures/meetings.js';

const LANDSCAPE: Size = { width: 1920, height: 1080 };
const PORTRAIT: Size = { width: 1080, height: 1920 };
const NOW = 100_000;

/** A tile written compactly: key, role, x, y, width, height. */
type Row = readonly [string, PlannedTile['role'], number, number, number, number];

function rows(plan: LayoutPlan): Row[] {
  return plan.tiles.map((t) => [t.key, t.role, t.rect.x, t.rect.y, t.rect.width, t.rect.height]);
}

function firstPlan(state: MeetingState, options: Partial<RecordingOptions>, stage: Size): LayoutPlan {
  const opts = someOptions(options);
  return planLayout({ state, options: opts, stage, previous: null, now: NOW });
}

/** p1…pN with speaker order p1 newest, pN oldest, nobody speaking now. */
function ordered(count: number): MeetingState {
  return withHistory(aMeeting(count), ids(count).reverse());
}

describe('fitStage', () => {
  const cases: Array<[string, Size, 'landscape' | 'portrait', [number, number, number, number]]> = [
    ['exact 16:9', { width: 1920, height: 1080 }, 'landscape', [0, 0, 1920, 1080]],
    ['wider viewport: pillarbox', { width: 2000, height: 1080 }, 'landscape', [40, 0, 1920, 1080]],
    ['taller viewport: letterbox', { width: 1280, height: 1000 }, 'landscape', [0, 140, 1280, 720]],
    ['portrait in a landscape viewport', { width: 1920, height: 1080 }, 'portrait', [656, 0, 608, 1080]],
    ['exact 9:16', { width: 1080, height: 1920 }, 'portrait', [0, 0, 1080, 1920]],
    ['portrait, wide-ish viewport', { width: 1000, height: 1000 }, 'portrait', [218, 0, 563, 1000]],
    ['odd sizes round to integers', { width: 1001, height: 777 }, 'landscape', [0, 107, 1001, 563]],
    ['empty viewport', { width: 0, height: 0 }, 'landscape', [0, 0, 0, 0]],
  ];
  for (const [name, viewport, orientation, [x, y, width, height]] of cases) {
    it(name, () => {
      expect(fitStage(viewport, orientation)).to.deep.equal({ x, y, width, height });
    });
  }
});

describe('planLayout: exact plans for the documented cases', () => {
  describe('GRID, landscape 1920×1080 (gap 11)', () => {
    const expected: Record<number, Row[]> = {
      1: [['cam:p1', 'grid', 11, 11, 1898, 1058]],
      2: [
        ['cam:p1', 'grid', 11, 11, 943, 1058],
        ['cam:p2', 'grid', 965, 11, 943, 1058],
      ],
      // 2×2 with the short row centred.
      3: [
        ['cam:p1', 'grid', 11, 11, 943, 523],
        ['cam:p2', 'grid', 965, 11, 943, 523],
        ['cam:p3', 'grid', 488, 545, 943, 523],
      ],
      4: [
        ['cam:p1', 'grid', 11, 11, 943, 523],
        ['cam:p2', 'grid', 965, 11, 943, 523],
        ['cam:p3', 'grid', 11, 545, 943, 523],
        ['cam:p4', 'grid', 965, 545, 943, 523],
      ],
    };
    for (const count of [1, 2, 3, 4]) {
      it(`${count} tile(s)`, () => {
        const plan = firstPlan(ordered(count), {}, LANDSCAPE);
        expect(rows(plan)).to.deep.equal(expected[count]);
        expect(plan.slots).to.deep.equal(ids(count));
        expect(plan.recomputeAt).to.equal(null);
      });
    }
  });

  describe('GRID, portrait 1080×1920 stacks', () => {
    const expected: Record<number, Row[]> = {
      1: [['cam:p1', 'grid', 11, 11, 1058, 1898]],
      2: [
        ['cam:p1', 'grid', 11, 11, 1058, 943],
        ['cam:p2', 'grid', 11, 965, 1058, 943],
      ],
      3: [
        ['cam:p1', 'grid', 11, 11, 1058, 625],
        ['cam:p2', 'grid', 11, 647, 1058, 625],
        ['cam:p3', 'grid', 11, 1283, 1058, 625],
      ],
      4: [
        ['cam:p1', 'grid', 11, 11, 523, 943],
        ['cam:p2', 'grid', 545, 11, 523, 943],
        ['cam:p3', 'grid', 11, 965, 523, 943],
        ['cam:p4', 'grid', 545, 965, 523, 943],
      ],
    };
    for (const count of [1, 2, 3, 4]) {
      it(`${count} tile(s)`, () => {
        const plan = firstPlan(ordered(count), { orientation: 'portrait' }, PORTRAIT);
        expect(rows(plan)).to.deep.equal(expected[count]);
      });
    }
  });

  it('GRID shows at most gridSize tiles, the most recent speakers, in speaker order', () => {
    const state = withSpeaker(ordered(7), 'p6', NOW - 5000);
    const plan = firstPlan(state, { layoutGridSize: 3 }, LANDSCAPE);
    expect(plan.slots).to.deep.equal(['p6', 'p1', 'p2']);
  });

  it('GRID with nobody present is empty', () => {
    const plan = firstPlan(aMeeting(0), {}, LANDSCAPE);
    expect(plan.tiles).to.deep.equal([]);
    expect(plan.slots).to.deep.equal([]);
  });

  it('SPOTLIGHT + SPEAKER shows only the active speaker, full stage', () => {
    const state = withSpeaker(ordered(5), 'p4', NOW - 3000);
    const plan = firstPlan(state, { layoutType: 'SPOTLIGHT' }, LANDSCAPE);
    expect(rows(plan)).to.deep.equal([['cam:p4', 'main', 11, 11, 1898, 1058]]);
  });

  it('SPOTLIGHT + SPEAKER with nobody speaking shows the last active speaker', () => {
    const plan = firstPlan(ordered(5), { layoutType: 'SPOTLIGHT' }, PORTRAIT);
    expect(rows(plan)).to.deep.equal([['cam:p1', 'main', 11, 11, 1058, 1898]]);
  });

  it('SPOTLIGHT: a screen share replaces the speaker, fitted with contain', () => {
    const state = withPresenter(withSpeaker(ordered(3), 'p2', NOW - 3000), 'p3');
    const plan = firstPlan(state, { layoutType: 'SPOTLIGHT' }, LANDSCAPE);
    expect(rows(plan)).to.deep.equal([['share:p3', 'share', 11, 11, 1898, 1058]]);
    expect(plan.tiles[0]!.fit).to.equal('contain');
    expect(plan.slots).to.deep.equal([]);
  });

  it('SIDEBAR + SPEAKER: the speaker is main, the others in a right strip in speaker order', () => {
    const state = withSpeaker(ordered(6), 'p5', NOW - 3000);
    const plan = firstPlan(state, { layoutType: 'SIDEBAR' }, LANDSCAPE);
    // main 78% of the inner width; 16:9 strip tiles centred vertically.
    expect(rows(plan)).to.deep.equal([
      ['cam:p5', 'main', 11, 11, 1480, 1058],
      ['cam:p1', 'side', 1502, 187, 407, 228],
      ['cam:p2', 'side', 1502, 426, 407, 228],
      ['cam:p3', 'side', 1502, 665, 407, 228],
    ]);
  });

  it('SIDEBAR alone: the only participant takes the whole stage', () => {
    const plan = firstPlan(ordered(1), { layoutType: 'SIDEBAR' }, LANDSCAPE);
    expect(rows(plan)).to.deep.equal([['cam:p1', 'main', 11, 11, 1898, 1058]]);
  });

  it('SIDEBAR portrait: main on top, the strip in a row below', () => {
    const state = withSpeaker(ordered(4), 'p2', NOW - 3000);
    const plan = firstPlan(state, { layoutType: 'SIDEBAR', orientation: 'portrait' }, PORTRAIT);
    expect(rows(plan)).to.deep.equal([
      ['cam:p2', 'main', 11, 11, 1058, 1693],
      ['cam:p1', 'side', 11, 1715, 345, 194],
      ['cam:p3', 'side', 367, 1715, 345, 194],
      ['cam:p4', 'side', 723, 1715, 345, 194],
    ]);
  });

  it('SIDEBAR with a share: the share is main and the speaker tops the strip', () => {
    const state = withPresenter(withSpeaker(ordered(5), 'p3', NOW - 3000), 'p5');
    const plan = firstPlan(state, { layoutType: 'SIDEBAR' }, LANDSCAPE);
    expect(rows(plan)).to.deep.equal([
      ['share:p5', 'share', 11, 11, 1480, 1058],
      ['cam:p3', 'side', 1502, 67, 407, 228],
      ['cam:p1', 'side', 1502, 306, 407, 228],
      ['cam:p2', 'side', 1502, 545, 407, 228],
      ['cam:p4', 'side', 1502, 784, 407, 228],
    ]);
    expect(plan.tiles.map((t) => t.fit)).to.deep.equal(['contain', 'cover', 'cover', 'cover', 'cover']);
  });

  it('SIDEBAR with a share in portrait: a one-tile strip is centred below the share', () => {
    const state = withPresenter(ordered(2), 'p2');
    const plan = firstPlan(state, { layoutType: 'SIDEBAR', orientation: 'portrait', layoutGridSize: 1 }, PORTRAIT);
    expect(rows(plan)).to.deep.equal([
      ['share:p2', 'share', 11, 11, 1058, 1480],
      ['cam:p1', 'side', 178, 1502, 723, 407],
    ]);
  });

  it('GRID with a share: the share takes the main area and the participants go to a strip', () => {
    const state = withPresenter(ordered(3), 'p1');
    const plan = firstPlan(state, {}, LANDSCAPE);
    expect(rows(plan)).to.deep.equal([
      ['share:p1', 'share', 11, 11, 1480, 1058],
      ['cam:p1', 'side', 1502, 187, 407, 228],
      ['cam:p2', 'side', 1502, 426, 407, 228],
      ['cam:p3', 'side', 1502, 665, 407, 228],
    ]);
  });

  describe('PIN priority', () => {
    it('GRID puts pinned participants first, in pin order, then speaker order', () => {
      const state = withPins(withSpeaker(ordered(6), 'p2', NOW - 3000), ['p6', 'p4']);
      const plan = firstPlan(state, { layoutPriority: 'PIN' }, LANDSCAPE);
      expect(plan.slots).to.deep.equal(['p6', 'p4', 'p2', 'p1']);
      expect(plan.tiles.map((t) => t.role)).to.deep.equal(['grid', 'grid', 'grid', 'grid']);
    });

    it('SPOTLIGHT shows only the pinned participants', () => {
      const state = withPins(withSpeaker(ordered(5), 'p1', NOW - 3000), ['p3', 'p5']);
      const plan = firstPlan(state, { layoutType: 'SPOTLIGHT', layoutPriority: 'PIN' }, LANDSCAPE);
      expect(rows(plan)).to.deep.equal([
        ['cam:p3', 'grid', 11, 11, 943, 1058],
        ['cam:p5', 'grid', 965, 11, 943, 1058],
      ]);
    });

    it('SPOTLIGHT with one pin shows that participant as main even while another speaks', () => {
      const state = withPins(withSpeaker(ordered(5), 'p1', NOW - 3000), ['p4']);
      const plan = firstPlan(state, { layoutType: 'SPOTLIGHT', layoutPriority: 'PIN' }, LANDSCAPE);
      expect(rows(plan)).to.deep.equal([['cam:p4', 'main', 11, 11, 1898, 1058]]);
    });

    it("SPOTLIGHT: a pinned presenter's share wins", () => {
      const state = withPins(withPresenter(ordered(4), 'p2'), ['p3', 'p2']);
      const plan = firstPlan(state, { layoutType: 'SPOTLIGHT', layoutPriority: 'PIN' }, LANDSCAPE);
      expect(rows(plan)).to.deep.equal([['share:p2', 'share', 11, 11, 1898, 1058]]);
    });

    it("SPOTLIGHT: an unpinned presenter's share is not shown while others are pinned", () => {
      const state = withPins(withPresenter(ordered(4), 'p2'), ['p3']);
      const plan = firstPlan(state, { layoutType: 'SPOTLIGHT', layoutPriority: 'PIN' }, LANDSCAPE);
      expect(rows(plan)).to.deep.equal([['cam:p3', 'main', 11, 11, 1898, 1058]]);
    });

    it('SIDEBAR puts the first pinned in main and the other pinned ones in the strip', () => {
      const state = withPins(withSpeaker(ordered(6), 'p1', NOW - 3000), ['p4', 'p2', 'p6']);
      const plan = firstPlan(state, { layoutType: 'SIDEBAR', layoutPriority: 'PIN' }, LANDSCAPE);
      expect(rows(plan)).to.deep.equal([
        ['cam:p4', 'main', 11, 11, 1480, 1058],
        ['cam:p2', 'side', 1502, 306, 407, 228],
        ['cam:p6', 'side', 1502, 545, 407, 228],
      ]);
    });

    it("SIDEBAR: a pinned presenter's share is main, the pinned cameras in the strip", () => {
      const state = withPins(withPresenter(ordered(5), 'p5'), ['p2', 'p5']);
      const plan = firstPlan(state, { layoutType: 'SIDEBAR', layoutPriority: 'PIN' }, LANDSCAPE);
      expect(rows(plan)).to.deep.equal([
        ['share:p5', 'share', 11, 11, 1480, 1058],
        ['cam:p2', 'side', 1502, 306, 407, 228],
        ['cam:p5', 'side', 1502, 545, 407, 228],
      ]);
    });

    it('a share-only pin pins the share, not the camera', () => {
      const state = withPins(withPresenter(ordered(3), 'p3'), ['p3'], { cam: false, share: true });
      const plan = firstPlan(state, { layoutType: 'SIDEBAR', layoutPriority: 'PIN' }, LANDSCAPE);
      expect(rows(plan)).to.deep.equal([['share:p3', 'share', 11, 11, 1898, 1058]]);
    });

    for (const layoutType of ['GRID', 'SPOTLIGHT', 'SIDEBAR'] as const) {
      it(`${layoutType} with PIN and no pins plans exactly as SPEAKER`, () => {
        const state = withPresenter(withSpeaker(ordered(6), 'p5', NOW - 3000), 'p2');
        const pin = firstPlan(state, { layoutType, layoutPriority: 'PIN' }, LANDSCAPE);
        const speaker = firstPlan(state, { layoutType, layoutPriority: 'SPEAKER' }, LANDSCAPE);
        expect(pin).to.deep.equal(speaker);
      });
    }

    it('pins are ignored under SPEAKER priority', () => {
      const state = withPins(withSpeaker(ordered(5), 'p1', NOW - 3000), ['p5']);
      const plan = firstPlan(state, { layoutType: 'SPOTLIGHT' }, LANDSCAPE);
      expect(plan.slots).to.deep.equal(['p1']);
    });
  });

  describe('mode=audio', () => {
    it('never plans a share tile; the presenter is treated like anyone else', () => {
      const state = withPresenter(withSpeaker(ordered(3), 'p2', NOW - 3000), 'p3');
      const plan = firstPlan(state, { layoutType: 'SIDEBAR', mode: 'audio' }, LANDSCAPE);
      expect(rows(plan)).to.deep.equal([
        ['cam:p2', 'main', 11, 11, 1480, 1058],
        ['cam:p1', 'side', 1502, 306, 407, 228],
        ['cam:p3', 'side', 1502, 545, 407, 228],
      ]);
    });

    it('SPOTLIGHT keeps the speaker when someone shares', () => {
      const state = withPresenter(withSpeaker(ordered(3), 'p2', NOW - 3000), 'p3');
      const plan = firstPlan(state, { layoutType: 'SPOTLIGHT', mode: 'audio' }, LANDSCAPE);
      expect(plan.slots).to.deep.equal(['p2']);
      expect(plan.tiles.map((t) => t.key)).to.deep.equal(['cam:p2']);
    });
  });

});
