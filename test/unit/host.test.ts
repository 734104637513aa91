import { expect } from '@open-wc/testing';
import type { Meeting } from '@videosdk.live/js-sdk';
import { parseGraphicsMessage } from '../../src/config/graphics-message.js';
import { parseLayoutMessage } from '../../src/config/layout-message.js';
import {
  RecordingMessageError,
  type RecordingPubSub,
  publishRecordingGraphics,
  publishRecordingLayout,
} from '../../src/host/index.js';
import { FakeMedia, FakeMeeting } from '../fixtures/fake-js-sdk.js';

/** A pubSub that records what it is asked to publish; typed against the real SDK's. */
function recordingPubSub() {
  const calls: Parameters<Meeting['pubSub']['publish']>[] = [];
  const pubSub = { publish: async (...args: Parameters<Meeting['pubSub']['publish']>) => void calls.push(args) } satisfies RecordingPubSub;
  return { pubSub, calls };
}

async function rejection(promise: Promise<unknown>): Promise<RecordingMessageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(RecordingMessageError);
    return error as RecordingMessageError;
  }
  throw new Error('expected a rejection');
}

describe('host: publishRecordingLayout', () => {
  it('publishes the prebuilt shape, persisted, on the output’s topic, for a meeting or its pubSub', async () => {
    const { pubSub, calls } = recordingPubSub();
    await publishRecordingLayout(pubSub, { layoutType: 'spotlight', layoutGridSize: 1, theme: 'DARK' } as never);
    await publishRecordingLayout({ pubSub }, { layoutType: 'GRID' }, { output: 'hls' });
    await publishRecordingLayout({ pubSub }, { layoutType: 'SIDEBAR' }, { output: 'livestream' });
    expect(calls.map(([topic]) => topic)).to.deep.equal(['RECORDING_LAYOUT', 'HLS_LAYOUT', 'LIVE_STREAM_LAYOUT']);
    expect(calls[0]![2]).to.deep.equal({ persist: true });
    // Normalised by the page's schema (any case in, the canonical spelling out).
    expect(JSON.parse(calls[0]![1])).to.deep.equal({ layout: { type: 'SPOTLIGHT', gridSize: 1 }, theme: 'DARK' });
  });

  it('sends what the page applies, for every option', async () => {
    const { pubSub, calls } = recordingPubSub();
    const change = {
      layoutType: 'SIDEBAR', layoutPriority: 'PIN', layoutGridSize: 3, theme: 'LIGHT',
      mode: 'audio', quality: 'high', orientation: 'portrait', speakerDwellMs: 800,
    } as const;
    await publishRecordingLayout(pubSub, change);
    expect(parseLayoutMessage(calls[0]![1])).to.deep.equal({ ok: true, options: change, warnings: [] });
  });

  const refused: Array<[string, unknown, string, RegExp]> = [
    ['a grid size out of range', { layoutGridSize: 7 }, 'layoutGridSize', /layoutGridSize=7 is not accepted; accepted: an integer from 1 to 4/],
    ['an unknown layout', { layoutType: 'MOSAIC' }, 'layoutType', /accepted: GRID, SPOTLIGHT, SIDEBAR/],
    ['an unknown option', { layout: 'GRID' }, 'layout', /layout="GRID" is not an option; accepted: one of the options layoutType, /],
    ['no option at all', {}, 'change', /no option given/],
    ['not an object', 'GRID', 'change', /expected an object of options/],
  ];
  for (const [what, change, field, message] of refused) {
    it(`refuses ${what} before publishing, naming ${field}`, async () => {
      const { pubSub, calls } = recordingPubSub();
      const error = await rejection(publishRecordingLayout(pubSub, change as never));
      expect(error.field).to.equal(field);
      expect(error.message).to.match(message);
      expect(error.message).to.match(/Nothing was published\.$/);
      expect(calls).to.have.length(0);
    });
  }

  it('refuses an unknown output, naming the accepted ones', async () => {
    const { pubSub, calls } = recordingPubSub();
    const error = await rejection(publishRecordingLayout(pubSub, { theme: 'DARK' }, { output: 'rtmp' as never }));
    expect([error.field, calls.length]).to.deep.equal(['output', 0]);
    expect(error.message).to.match(/accepted: recording, hls, livestream/);
  });

  it('reaches a recorder subscribed to the topic, and one that joins later', async () => {
    const meeting = new FakeMeeting({ meetingId: 'room-1' }, new FakeMedia(false));
    await meeting.join();
    const live: string[] = [];
    await meeting.pubSub.subscribe('RECORDING_LAYOUT', { onMessageReceived: (m) => live.push(m.message) });
    await publishRecordingLayout(meeting, { layoutType: 'SPOTLIGHT' });
    expect(live.map(parseLayoutMessage)).to.deep.equal([{ ok: true, options: { layoutType: 'SPOTLIGHT' }, warnings: [] }]);
    expect(meeting.pubSub.persisted.map((m) => m.topic)).to.deep.equal(['RECORDING_LAYOUT']);
  });
});

describe('host: publishRecordingGraphics', () => {
  it('publishes the message as JSON on RECORDING_GRAPHICS, persisted, and the page accepts it', async () => {
    const { pubSub, calls } = recordingPubSub();
    const message = { banner: { text: 'Live from Berlin' }, lowerThird: { title: 'Ana Lima', subtitle: 'Head of Product' }, toast: null };
    await publishRecordingGraphics({ pubSub }, message);
    expect(calls).to.deep.equal([['RECORDING_GRAPHICS', JSON.stringify(message), { persist: true }]]);
    expect(parseGraphicsMessage(calls[0]![1]).ok).to.equal(true);
  });

  const refused: Array<[string, unknown, string, RegExp]> = [
    ['an http logo', { logo: { url: 'http://x.example/logo.png' } }, 'logo.url', /logo\.url .*https: address or a data:image/],
    ['an empty banner', { banner: { text: '   ' } }, 'banner.text', /banner\.text .*not empty/],
    ['a toast of 10 minutes', { toast: { text: 'Hi', durationMs: 600_000 } }, 'toast.durationMs', /toast\.durationMs/],
    ['a background that is not a colour', { background: { color: 'not-a-colour' } }, 'background.color', /CSS colour/],
    ['no graphic at all', { title: 'x' }, 'message', /no graphic in it: expected one of background, logo, lowerThird, banner, toast/],
    ['a message over 64 KB', { logo: { url: `data:image/png;base64,${'A'.repeat(70_000)}` } }, 'message', /longer than 65536 characters/],
  ];
  for (const [what, message, field, pattern] of refused) {
    it(`refuses ${what} before publishing, naming ${field}`, async () => {
      const { pubSub, calls } = recordingPubSub();
      const error = await rejection(publishRecordingGraphics(pubSub, message as never));
      expect(error.field).to.equal(field);
      expect(error.message).to.match(pattern);
      expect(calls).to.have.length(0);
    });
  }
});
