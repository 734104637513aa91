import { expect } from '@open-wc/testing';
import { type PhaseEvent, type RecorderPhase, nextPhase } from '../../src/sources/videosdk/videosdk-transitions.js';

describe('nextPhase (the VideoSDK recorder lifecycle)', () => {
  const table: ReadonlyArray<readonly [RecorderPhase, PhaseEvent, RecorderPhase]> = [
    ['joining', 'joined', 'live'],
    ['joining', 'connection-lost', 'joining'],
    ['joining', 'left', 'left'],
    ['live', 'connection-lost', 'reconnecting'],
    ['live', 'connection-back', 'live'],
    ['live', 'joined', 'live'],
    ['reconnecting', 'connection-back', 'live'],
    ['reconnecting', 'joined', 'live'],
    ['reconnecting', 'connection-lost', 'reconnecting'],
    ['reconnecting', 'left', 'left'],
    ['left', 'joined', 'left'],
    ['left', 'connection-back', 'left'],
    ['left', 'stop', 'stopped'],
    ['live', 'stop', 'stopped'],
    ['stopped', 'joined', 'stopped'],
    ['stopped', 'left', 'stopped'],
  ];
  for (const [from, event, to] of table) {
    it(`${from} + ${event} -> ${to}`, () => {
      expect(nextPhase(from, event)).to.equal(to);
    });
  }
});
