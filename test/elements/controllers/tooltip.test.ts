// TooltipController on a host of its own: only the tooltip, no availability.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { TooltipController } from '../../../src/elements/controllers/tooltip.js';

class TooltipHost extends LitElement {
  readonly tooltip = new TooltipController(this);
  renders = 0;

  override render() {
    const { tooltip } = this;
    this.renders++;
    return html`<button
        part="info"
        aria-label="About this"
        @click=${tooltip.show}
        @focus=${tooltip.show}
        @blur=${tooltip.hide}
        @mouseenter=${tooltip.show}
        @mouseleave=${tooltip.leave}
      >
        i
      </button>
      <button part="other">other</button>
      <div part="tooltip" role="tooltip" style="position: fixed" ?hidden=${!tooltip.open}>
        What this is.
      </div>`;
  }
}
customElements.define('tooltip-host', TooltipHost);

const partOf = (host: TooltipHost, name: string) =>
  host.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`)!;

async function tooltipHost() {
  const host = await fixture<TooltipHost>(html`<tooltip-host></tooltip-host>`);
  return { host, info: partOf(host, 'info'), tip: partOf(host, 'tooltip') };
}

/** Escape presses that reached the window (not stopped by an open tooltip). */
function escapesReachingWindow() {
  const seen: string[] = [];
  const listener = (event: KeyboardEvent) => event.key === 'Escape' && seen.push(event.key);
  window.addEventListener('keydown', listener);
  return { seen, stop: () => window.removeEventListener('keydown', listener) };
}

describe('TooltipController', () => {
  it('opens on mouseenter, renders the host, and is positioned beside the trigger', async () => {
    const { host, info, tip } = await tooltipHost();
    expect([host.tooltip.open, tip.hidden]).to.deep.equal([false, true]);
    info.dispatchEvent(new MouseEvent('mouseenter'));
    await host.updateComplete;
    expect([host.tooltip.open, tip.hidden]).to.deep.equal([true, false]);
    await waitUntil(() => tip.style.top !== '', 'never positioned');
    const [t, i] = [tip.getBoundingClientRect(), info.getBoundingClientRect()];
    expect(t.bottom <= i.top + 1 || t.top >= i.bottom - 1).to.equal(true); // never over it
    info.dispatchEvent(new MouseEvent('mouseleave'));
    await host.updateComplete;
    expect([host.tooltip.open, tip.hidden]).to.deep.equal([false, true]);
  });

  it('opens on tap (click)', async () => {
    const { host, info, tip } = await tooltipHost();
    info.click();
    await host.updateComplete;
    expect(tip.hidden).to.equal(false);
  });

  it('stays open while the trigger has focus when the pointer leaves; blur closes it', async () => {
    const { host, info, tip } = await tooltipHost();
    info.focus();
    await host.updateComplete;
    expect(tip.hidden).to.equal(false);
    info.dispatchEvent(new MouseEvent('mouseleave'));
    await host.updateComplete;
    expect(tip.hidden).to.equal(false);
    partOf(host, 'other').focus();
    await host.updateComplete;
    expect(tip.hidden).to.equal(true);
  });

  it('Escape closes it and goes no further; once closed, Escape is the page’s again', async () => {
    const { host, info, tip } = await tooltipHost();
    const escapes = escapesReachingWindow();
    try {
      info.focus();
      await host.updateComplete;
      await sendKeys({ press: 'Escape' });
      await host.updateComplete;
      expect(tip.hidden).to.equal(true);
      expect(host.shadowRoot!.activeElement).to.equal(info); // focus stays on the trigger
      expect(escapes.seen).to.deep.equal([]);
      await sendKeys({ press: 'Escape' });
      expect(escapes.seen).to.deep.equal(['Escape']);
    } finally {
      escapes.stop();
    }
  });

  it('closed before positioning has loaded: it is never positioned', async () => {
    const { host, tip } = await tooltipHost();
    const shown = host.tooltip.show();
    host.tooltip.hide();
    await shown; // past the positioning module's arrival
    await host.updateComplete;
    expect(tip.hidden).to.equal(true);
    expect(tip.style.top).to.equal('');
  });

  it('opening twice renders once; closing when closed renders nothing', async () => {
    const { host, info } = await tooltipHost();
    const before = host.renders;
    info.dispatchEvent(new MouseEvent('mouseenter'));
    info.click();
    await host.updateComplete;
    expect(host.renders).to.equal(before + 1);
    host.tooltip.hide();
    host.tooltip.hide();
    await host.updateComplete;
    expect(host.renders).to.equal(before + 2);
  });

  it('a host leaving the page closes its tooltip and lets Escape go', async () => {
    const { host, info } = await tooltipHost();
    info.click();
    await host.updateComplete;
    host.remove();
    expect(host.tooltip.open).to.equal(false);
    const escapes = escapesReachingWindow();
    try {
      document.body.focus();
      await sendKeys({ press: 'Escape' });
      expect(escapes.seen).to.deep.equal(['Escape']);
    } finally {
      escapes.stop();
    }
  });
});
