import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/rec-stage.js';
import type { RecStage } from '../../src/components/rec-stage.js';
import type { RecAreaResizeEvent } from '../../src/components/events.js';

describe('<rec-stage>', () => {
  it('reports its tile area size, and still does after being detached and re-attached', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div style="position: relative; width: 640px; height: 360px">
      <rec-stage style="width: 320px; height: 180px"></rec-stage>
    </div>`);
    const stage = holder.querySelector('rec-stage') as RecStage;
    const first = (await oneEvent(stage, 'rec-area-resize')) as RecAreaResizeEvent;
    expect(first.size).to.deep.equal({ width: 320, height: 180 });

    // Out of the observer's delivery before moving the element (else Chromium reports a skipped notification).
    await new Promise(requestAnimationFrame);
    stage.remove();
    holder.append(stage);
    stage.style.width = '400px';
    stage.style.height = '225px';
    const after = (await oneEvent(stage, 'rec-area-resize')) as RecAreaResizeEvent;
    expect(after.size).to.deep.equal({ width: 400, height: 225 });
  });
});
