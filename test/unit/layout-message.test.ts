import { expect } from '@open-wc/testing';
import {
  MAX_LAYOUT_MESSAGE_LENGTH,
  RECORDING_LAYOUT_TOPIC,
  layoutMessageObject,
  parseLayoutMessage,
  publishRecordingLayout,
} from '../../src/config/layout-message.js';
import { fromConfigObject } from '../../src/config/rest-config.js';
import { FakeMeeting, FakeMedia } from '../fixtures/fake-js-sdk.js';

describe('parseLayoutMessage', () => {
  it('reads VideoSDK\'s prebuilt payload', () => {
    const result = parseLayoutMessage(JSON.stringify({ layout: { type: 'SPOTLIGHT', priority: 'PIN', gridSize: 2 } }));
    expect(result).to.deep.equal({
      ok: true,
      options: { layoutType: 'SPOTLIGHT', layoutPriority: 'PIN', layoutGridSize: 2 },
      warnings: [],
    });
  });

  it('reads theme, mode, orientation and speakerDwellMs beyond it, case-insensitively', () => {
    const result = parseLayoutMessage(
      JSON.stringify({ layout: { type: 'sidebar' }, theme: 'light', mode: 'AUDIO', orientation: 'Portrait', speakerDwellMs: '900' }),
    );
    expect(result.ok && result.options).to.deep.equal({
      layoutType: 'SIDEBAR',
      theme: 'LIGHT',
      mode: 'audio',
      orientation: 'portrait',
      speakerDwellMs: 900,
    });
  });

  it('keeps the valid values and warns about each invalid one by its nested path', () => {
    const result = parseLayoutMessage(JSON.stringify({ layout: { type: 'GRID', gridSize: 7 }, theme: 'NEON' }));
    if (!result.ok) throw new Error(result.error);
    expect(result.options).to.deep.equal({ layoutType: 'GRID' });
    expect(result.warnings.map((w) => w.option)).to.deep.equal(['layout.gridSize', 'theme']);
    expect(result.warnings[0]?.message).to.contain('7').and.contain('1 to 4');
  });

  const malformed: Array<[string, string, string]> = [
    ['not JSON', '{"layout":', 'not JSON'],
    ['a JSON string', '"GRID"', 'expected a JSON object'],
    ['a JSON array', '[1,2]', 'expected a JSON object'],
    ['null', 'null', 'expected a JSON object'],
    ['an object with nothing we know', '{"foo":1}', 'no recognised option'],
    ['an empty string', '', 'not JSON'],
  ];
  for (const [what, text, error] of malformed) {
    it(`rejects ${what} with a reason`, () => {
      const result = parseLayoutMessage(text);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.error).to.contain(error);
    });
  }
});

describe('parseLayoutMessage on hostile input', () => {
  it(`refuses a message longer than ${MAX_LAYOUT_MESSAGE_LENGTH} characters before reading it`, () => {
    const long = JSON.stringify({ theme: 'DARK', pad: 'x'.repeat(MAX_LAYOUT_MESSAGE_LENGTH) });
    const result = parseLayoutMessage(long);
    expect(result.ok).to.equal(false);
    expect(result.ok ? '' : result.error).to.contain(`longer than ${MAX_LAYOUT_MESSAGE_LENGTH}`);
  });

  it('never throws on a deeply nested value, as a message or as a REST config object', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const read = fromConfigObject({ theme: deep, layout: { gridSize: deep } });
    expect(read.ok && read.warnings.map((w) => w.option)).to.deep.equal(['layout.gridSize', 'theme']);
    expect(read.ok && read.warnings[1]!.message).to.contain('theme=').and.contain('accepted: DARK, LIGHT, DEFAULT');
    const text = `{"theme":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    expect(parseLayoutMessage(text).ok).to.equal(true);
  });
});

describe('publishRecordingLayout', () => {
  it('publishes the prebuilt shape plus our options, persisted, on RECORDING_LAYOUT', async () => {
    const published: Array<{ topic: string; message: string; options: unknown }> = [];
    const pubSub = {
      publish: async (topic: string, message: string, options?: { persist?: boolean; sendOnly?: string[] }) => {
        published.push({ topic, message, options });
      },
    };
    await publishRecordingLayout(pubSub, { layoutType: 'GRID', layoutPriority: 'SPEAKER', layoutGridSize: 3, theme: 'DARK', speakerDwellMs: 500 });
    expect(published).to.have.length(1);
    expect(published[0]?.topic).to.equal(RECORDING_LAYOUT_TOPIC);
    expect(published[0]?.options).to.deep.equal({ persist: true });
    expect(JSON.parse(published[0]!.message)).to.deep.equal({
      layout: { type: 'GRID', priority: 'SPEAKER', gridSize: 3 },
      theme: 'DARK',
      speakerDwellMs: 500,
    });
  });

  it('round-trips through parseLayoutMessage for every option', () => {
    const options = {
      layoutType: 'SIDEBAR',
      layoutPriority: 'PIN',
      layoutGridSize: 4,
      theme: 'LIGHT',
      mode: 'audio',
      quality: 'high',
      orientation: 'portrait',
      speakerDwellMs: 2000,
    } as const;
    const result = parseLayoutMessage(JSON.stringify(layoutMessageObject(options)));
    expect(result).to.deep.equal({ ok: true, options, warnings: [] });
  });

  it('leaves out the layout object when no layout option is given', () => {
    expect(layoutMessageObject({ theme: 'DARK' })).to.deep.equal({ theme: 'DARK' });
  });

  it('is what a recorder subscribed to the topic receives', async () => {
    const meeting = new FakeMeeting({ meetingId: 'room-1' }, new FakeMedia(false));
    await meeting.join();
    const received: string[] = [];
    await meeting.pubSub.subscribe(RECORDING_LAYOUT_TOPIC, { onMessageReceived: (m) => received.push(m.message) });
    await publishRecordingLayout(meeting.pubSub, { layoutType: 'SPOTLIGHT' });
    expect(received.map((m) => parseLayoutMessage(m))).to.deep.equal([
      { ok: true, options: { layoutType: 'SPOTLIGHT' }, warnings: [] },
    ]);
    expect(meeting.pubSub.persisted).to.have.length(1);
  });
});
