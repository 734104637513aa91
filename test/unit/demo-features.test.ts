import { expect, waitUntil } from '@open-wc/testing';
import type { DemoParams } from '../../src/config/url-params.js';
import { MeetingStore } from '../../src/meeting/store.js';
import { DEMO_AGENT_NAMES } from '../../src/sources/demo/demo-agents.js';
import { DemoSource, type DemoSourceOptions } from '../../src/sources/demo/demo-source.js';
import { FLUSH_MS } from '../../src/overlay/overlay-processor.js';
import { wait } from '../fixtures/harness.js';


function demoParams(overrides: Partial<DemoParams> = {}): DemoParams {
  return { count: 2, seed: 1, pins: [], cameraOff: [], muted: [], names: ['Ana', 'Bo'], still: true, ...overrides };
}

describe('the simulated meeting: agents, published graphics and transcription', () => {
  let sources: DemoSource[] = [];
  async function startDemo(overrides: Partial<DemoParams> = {}, options?: DemoSourceOptions) {
    const source = new DemoSource(demoParams(overrides), undefined, options);
    sources.push(source);
    const store = new MeetingStore();
    await source.start(store);
    return { source, store, demo: source.controls };
  }
  afterEach(() => {
    for (const s of sources) s.stop();
    sources = [];
  });

  it('adds agents=N as AI agents a1…aN after the participants, listening, without a camera', async () => {
    const { store } = await startDemo({ agents: 2 });
    const people = [...store.state.participants.values()];
    expect(people.map((p) => p.id)).to.deep.equal(['p1', 'p2', 'a1', 'a2']);
    const agents = people.filter((p) => p.isAgent);
    expect(agents.map((a) => [a.displayName, a.agentState, a.webcamOn, a.micOn])).to.deep.equal([
      [DEMO_AGENT_NAMES[0], 'listening', false, true],
      [DEMO_AGENT_NAMES[1], 'listening', false, true],
    ]);
    expect(agents.every((a) => a.audioTrack?.readyState === 'live')).to.equal(true);
  });

  it("makes an agent's speech speaking: it becomes the speaker, the others listen", async () => {
    const { store, demo } = await startDemo({ agents: 2 });
    demo.speak('a1');
    expect(store.state.activeSpeakerId).to.equal('a1');
    expect(store.state.participants.get('a1')!.agentState).to.equal('speaking');
    demo.setAgentState('a2', 'speaking');
    expect(store.state.activeSpeakerId).to.equal('a2');
    expect(store.state.participants.get('a1')!.agentState).to.equal('listening');
    demo.setAgentState('a2', 'thinking');
    expect(store.state.activeSpeakerId).to.equal(null);
    expect(store.state.participants.get('a2')!.agentState).to.equal('thinking');
    demo.speak('p1');
    expect(store.state.participants.get('a2')!.agentState).to.equal('listening');
    demo.setAgentState('p1', 'speaking');
    expect(store.state.participants.get('p1')!.agentState).to.equal(undefined);
  });

  it('lets an agent think before it takes an automatic turn', async () => {
    const { store } = await startDemo({ count: 0, agents: 1, still: false }, { turnMs: { min: 30, max: 30 } });
    await waitUntil(() => store.state.participants.get('a1')!.agentState === 'thinking', 'thinking', { timeout: 2000 });
    expect(store.state.activeSpeakerId).to.equal(null);
    await waitUntil(() => store.state.activeSpeakerId === 'a1', 'speaking after thinking', { timeout: 2000 });
    expect(store.state.participants.get('a1')!.agentState).to.equal('speaking');
  });

  it('joins an agent at run time', async () => {
    const { store, demo } = await startDemo({ agents: 1 });
    expect(demo.joinAgent()).to.equal('a2');
    expect(demo.joinAgent('Helper')).to.equal('a3');
    expect(store.state.participants.get('a3')).to.include({ displayName: 'Helper', isAgent: true, agentState: 'listening' });
  });

  it('delivers published messages as a host app would send them', async () => {
    const { store, demo } = await startDemo();
    demo.publish('RECORDING_GRAPHICS', JSON.stringify({ banner: { text: 'Live' }, toast: { text: 'Hi' } }));
    demo.publish('CHAT', 'Hello all', { id: 'p2' });
    demo.publish('CHANGE_BACKGROUND', 'teal');
    await waitUntil(() => store.state.overlay?.graphics.background, 'the messages applied', { timeout: 3000 });
    const overlay = store.state.overlay!;
    expect(overlay.graphics).to.deep.equal({ banner: { text: 'Live', position: 'bottom' }, background: { color: 'teal' } });
    expect(overlay.toasts.map((t) => [t.kind, t.sender, t.text])).to.deep.equal([
      ['graphic', undefined, 'Hi'],
      ['chat', 'Bo', 'Hello all'],
    ]);
  });

  it('applies a published RECORDING_LAYOUT message as the live meeting does, and says when nothing reads a topic', async () => {
    const { store, demo } = await startDemo();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (text: string) => warnings.push(text);
    try {
      demo.publish('RECORDING_LAYOUT', JSON.stringify({ layout: { type: 'spotlight', gridSize: 9 }, theme: 'LIGHT' }));
      demo.publish('NO_SUCH_TOPIC', 'hello');
    } finally {
      console.warn = warn;
    }
    expect(store.state.optionOverrides).to.deep.equal({ layoutType: 'SPOTLIGHT', theme: 'LIGHT' });
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('layout.gridSize');
    expect(warnings[1]).to.contain('nothing reads the NO_SUCH_TOPIC topic');
  });

  it('delivers transcription results for a participant under their name', async () => {
    const { store, demo } = await startDemo();
    demo.transcribe('p1', 'Good morning', { final: false });
    demo.transcribe('p1', 'Good morning everyone.');
    await waitUntil(() => store.state.overlay?.caption?.text, 'the caption applied', { timeout: 3000 });
    expect(store.state.overlay!.caption).to.include({ speakerId: 'p1', speakerName: 'Ana', text: 'Good morning everyone.', interim: '' });
  });

  it('with captions produces growing results for whoever speaks, about three a second', async () => {
    const { store, demo } = await startDemo({ still: false, transcribe: true }, { turnMs: { min: 60_000, max: 60_000 } });
    demo.speak('p2');
    let updates = 0;
    let last = '';
    store.subscribe((s) => {
      const caption = s.overlay?.caption;
      const text = `${caption?.text ?? ''}|${caption?.interim ?? ''}`;
      if (caption && text !== last) {
        updates += 1;
        last = text;
      }
    });
    await wait(1600);
    const caption = store.state.overlay!.caption!;
    expect(caption.speakerId).to.equal('p2');
    expect(updates).to.be.within(3, 6);
    demo.setAutoTranscribe(false);
    const frozen = updates;
    await wait(700);
    expect(updates).to.equal(frozen);
  });

  it('does nothing for controls before start or after stop', async () => {
    const { store, demo, source } = await startDemo();
    source.stop();
    demo.publish('RECORDING_GRAPHICS', JSON.stringify({ banner: { text: 'x' } }));
    demo.transcribe('p1', 'late');
    await wait(FLUSH_MS + 30);
    expect(store.state.overlay).to.equal(undefined);
  });
});
