import { expect } from '@open-wc/testing';
import { NO_EDITS, frameOf } from '../../src/components/frame.js';
import { lowerThirdAnchor, meetingForLayout, onlyOverlayChanged, shownGraphics } from '../../src/components/view-state.js';
import type { RecordingOptions } from '../../src/config/options.js';
import type { MeetingState } from '../../src/meeting/state.js';
import { EMPTY_OVERLAY } from '../../src/meeting/overlay.js';
import { overlayChanged, participantUpdated, speakerChanged } from '../../src/meeting/state.js';
import { planLayout } from '../../src/layout/plan.js';
import { aMeeting, someOptions, withPins, withPresenter } from '../fixtures/meetings.js';

const NO_HIDE = { hide: [] as string[] };

describe('view state', () => {
  describe('meetingForLayout', () => {
    it('is the meeting itself when nobody is hidden and nobody shares', () => {
      const meeting = aMeeting(3);
      expect(meetingForLayout(meeting, NO_HIDE)).to.equal(meeting);
    });

    it('leaves out hide= ids and metaData.hideFromRecording, with their speaking, share and pins', () => {
      let meeting = participantUpdated(aMeeting(4), 'p2', { hiddenFromRecording: true });
      meeting = withPins(withPresenter(speakerChanged(meeting, 'p3', 10), 'p3'), ['p3']);
      const view = meetingForLayout(meeting, { hide: ['p3'] });
      expect([...view.participants.keys()]).to.deep.equal(['p1', 'p4']);
      const plan = planLayout({ state: view, options: someOptions({ layoutPriority: 'PIN' }), stage: { width: 1280, height: 720 }, previous: null, now: 20 });
      expect(plan.tiles.map((t) => `${t.role}:${t.participantId}`)).to.deep.equal(['grid:p1', 'grid:p4']);
      // Everyone is still in the meeting (and heard).
      expect(meeting.participants.size).to.equal(4);
    });

    it('uses the share layout only while someone shares, over a live layout change', () => {
      const options = someOptions({ layoutType: 'GRID' });
      const meeting = aMeeting(3);
      const layoutTypeOf = (m: MeetingState, features: { shareLayout?: 'SPOTLIGHT' }, o: RecordingOptions) =>
        frameOf({ meeting: m, params: { options: o, features: { captions: false, chat: false, graphics: {}, ...NO_HIDE, ...features } }, edits: NO_EDITS, size: {}, now: 0 }).layoutType;
      expect(layoutTypeOf(meeting, { shareLayout: 'SPOTLIGHT' }, options)).to.equal('GRID');
      const sharing = { ...withPresenter(meeting, 'p2'), optionOverrides: { layoutType: 'SIDEBAR' as const } };
      expect(layoutTypeOf(sharing, { shareLayout: 'SPOTLIGHT' }, options)).to.equal('SPOTLIGHT');
      expect(layoutTypeOf(sharing, {}, options)).to.equal('SIDEBAR');
      // Audio mode shows no share, so the share layout does not apply.
      expect(layoutTypeOf(withPresenter(meeting, 'p2'), { shareLayout: 'SPOTLIGHT' }, someOptions({ mode: 'audio' }))).to.equal('GRID');
    });
  });

  describe('shownGraphics', () => {
    const start = { banner: { text: 'From the URL', position: 'bottom' as const }, logo: { url: 'https://x/a.png', corner: 'top-right' as const } };

    it('shows the URL starting graphics until a message sets or clears them', () => {
      expect(shownGraphics(start, undefined)).to.deep.equal(start);
      const live = { banner: null, logo: { url: 'https://x/b.png', corner: 'bottom-left' as const }, lowerThird: { title: 'T' } };
      expect(shownGraphics(start, live)).to.deep.equal({ logo: live.logo, lowerThird: { title: 'T' } });
    });
  });

  it('anchors a lower third to its participant camera tile only when on screen', () => {
    const plan = planLayout({ state: aMeeting(2), options: someOptions(), stage: { width: 1280, height: 720 }, previous: null, now: 0 });
    expect(lowerThirdAnchor(plan, { title: 'x', participantId: 'p2' })).to.deep.equal(plan.tiles.find((t) => t.participantId === 'p2')!.rect);
    expect(lowerThirdAnchor(plan, { title: 'x', participantId: 'p9' })).to.equal(undefined);
    expect(lowerThirdAnchor(plan, { title: 'x' })).to.equal(undefined);
  });

  it('tells an overlay-only change from one the layout must see', () => {
    const meeting = aMeeting(2);
    const withOverlay = overlayChanged(meeting, EMPTY_OVERLAY);
    expect(onlyOverlayChanged(meeting, withOverlay)).to.equal(true);
    expect(onlyOverlayChanged(withOverlay, withOverlay)).to.equal(false);
    expect(onlyOverlayChanged(withOverlay, speakerChanged(withOverlay, 'p1', 5))).to.equal(false);
    const both = overlayChanged(speakerChanged(withOverlay, 'p2', 6), { ...EMPTY_OVERLAY, sequence: 1 });
    expect(onlyOverlayChanged(withOverlay, both)).to.equal(false);
  });
});
