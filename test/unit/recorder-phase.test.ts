import { expect } from '@open-wc/testing';
import { type PhaseEvent, type RecorderPhase, nextPhase } from '../../src/sources/videosdk/videosdk-transitions.js';

describe('nextPhase (the VideoSDK recorder lifecycle)', () => {
  // From each phase: where each event leads.
  const table: Record<RecorderPhase, Record<PhaseEvent, RecorderPhase>> = {
    joining: { joined: 'live', 'connection-lost': 'joining', 'connection-back': 'joining', left: 'left', stop: 'stopped' },
    live: { joined: 'live', 'connection-lost': 'reconnecting', 'connection-back': 'live', left: 'left', stop: 'stopped' },
    reconnecting: { joined: 'live', 'connection-lost': 'reconnecting', 'connection-back': 'live', left: 'left', stop: 'stopped' },
    left: { joined: 'left', 'connection-lost': 'left', 'connection-back': 'left', left: 'left', stop: 'stopped' },
    stopped: { joined: 'stopped', 'connection-lost': 'stopped', 'connection-back': 'stopped', left: 'stopped', stop: 'stopped' },
  };
  for (const [from, row] of Object.entries(table) as [RecorderPhase, Record<PhaseEvent, RecorderPhase>][]) {
    it(`from ${from}`, () => {
      const got = Object.fromEntries(Object.keys(row).map((event) => [event, nextPhase(from, event as PhaseEvent)]));
      expect(got).to.deep.equal(row);
    });
  }
});
