import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rec-agent-visual.js';
import '../../src/components/rec-tile.js';
import type { RecTile } from '../../src/components/rec-tile.js';
import { type Participant, emptyMeeting, participantJoined } from '../../src/meeting/state.js';
import { aParticipant } from '../fixtures/meetings.js';

/** An agent as the store holds it, made through the real transitions. */
function anAgent(patch: Partial<Participant> = {}): Participant {
  const state = participantJoined(emptyMeeting(), aParticipant({ id: 'a1', displayName: 'Aria', webcamOn: false, isAgent: true, agentState: 'listening', ...patch }));
  return state.participants.get('a1')!;
}

async function tile(participant: Participant, audioOnly = false): Promise<RecTile> {
  const el = await fixture<RecTile>(
    html`<rec-tile style="width: 320px; height: 180px; --rec-accent: #5568fe" .participant=${participant} .audioOnly=${audioOnly}></rec-tile>`,
  );
  await el.updateComplete;
  return el;
}

const visualOf = (el: RecTile) => el.shadowRoot!.querySelector('rec-agent-visual');

describe('an AI agent on its tile', () => {
  it('says it is an agent: its name, an AI badge, and its state instead of an initials avatar', async () => {
    const el = await tile(anAgent());
    expect(el.shadowRoot!.querySelector('[part=name]')!.textContent).to.equal('Aria');
    expect(el.shadowRoot!.querySelector('[part=agent-badge]')!.textContent).to.equal('AI');
    expect(el.shadowRoot!.querySelector('[part=avatar]')).to.equal(null);
    const visual = visualOf(el)!;
    await visual.updateComplete;
    expect(visual.getAttribute('state')).to.equal('listening');
    expect(visual.shadowRoot!.querySelector('[part=agent]')!.getAttribute('aria-label')).to.equal('AI agent, listening');
    expect(el.dataset.agent).to.equal('listening');
  });

  it('shows thinking dots and speaking bars, in audio mode too', async () => {
    const el = await tile(anAgent({ agentState: 'thinking' }), true);
    let visual = visualOf(el)!;
    await visual.updateComplete;
    expect(visual.shadowRoot!.querySelectorAll('.dots i')).to.have.length(3);
    el.participant = anAgent({ agentState: 'speaking' });
    await el.updateComplete;
    visual = visualOf(el)!;
    await visual.updateComplete;
    expect(visual.shadowRoot!.querySelectorAll('.bars i')).to.have.length(5);
    expect(el.dataset.agent).to.equal('speaking');
  });

  it('treats an unknown state as idle and a person as a person', async () => {
    const el = await tile(anAgent({ agentState: 'plotting' as Participant['agentState'] }));
    const visual = visualOf(el)!;
    await visual.updateComplete;
    expect(visual.shadowRoot!.querySelector('[part=agent-state]')!.textContent).to.equal('idle');
    el.participant = anAgent({ isAgent: false });
    await el.updateComplete;
    expect(visualOf(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=agent-badge]')).to.equal(null);
    expect(el.dataset.agent).to.equal(undefined);
  });
});
