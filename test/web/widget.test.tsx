import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../mocks/handlers';

function script(attributes: Record<string, string>): HTMLScriptElement {
  const element = document.createElement('script');
  element.src = `${API}/widget.js`;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

afterEach(() => {
  for (const host of document.querySelectorAll('[data-bronwijzer-widget]')) host.remove();
});

describe('the widget', () => {
  it('reads its options from data attributes, with the script origin as API', async () => {
    const { readWidgetOptions } = await import('../../web/src/widget');
    expect(
      readWidgetOptions(script({ 'data-title': 'Vraag het beleid', 'data-accent': '#007a3d', 'data-position': 'bottom-left', 'data-open': 'true' })),
    ).toEqual({
      title: 'Vraag het beleid',
      apiBase: API,
      accent: '#007a3d',
      position: 'bottom-left',
      open: true,
    });
    expect(readWidgetOptions(script({ 'data-accent': 'url(javascript:alert(1))' }))).toMatchObject({
      title: 'Bronwijzer',
      accent: null,
      position: 'bottom-right',
      open: false,
    });
  });

  it('opens a chat panel in its own shadow root, with links to new tabs', async () => {
    const { mountWidget, readWidgetOptions } = await import('../../web/src/widget');
    const host = mountWidget(readWidgetOptions(script({ 'data-title': 'Vraag het beleid' })));
    const shadow = within(host.shadowRoot!.querySelector('div')!);
    const user = userEvent.setup();

    const launcher = await shadow.findByRole('button', { name: 'Vraag het beleid' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    await user.click(launcher);
    // user-event types into document.activeElement, which is the shadow host: set the value directly.
    fireEvent.change(shadow.getByLabelText('Stel je vraag'), { target: { value: 'Wat is respijtzorg?' } });
    // jsdom misjudges the form's visibility inside the shadow root; the browser test checks roles for real.
    await user.click(shadow.getByRole('button', { name: 'Vraag', hidden: true }));
    const chip = await shadow.findByRole('link', { name: /Bron 1/, hidden: true });
    expect(chip.getAttribute('target')).toBe('_blank');
    expect(chip.getAttribute('href')).toMatch(new RegExp(`^${API}/documents/mantelzorg#`));
    expect(host.shadowRoot!.querySelector('style')!.textContent).toContain('.bw-launcher');
    expect(screen.queryByLabelText('Stel je vraag')).toBeNull(); // nothing rendered outside the shadow root
    await waitFor(() => expect(launcher.getAttribute('aria-expanded')).toBe('true'));
  });
});
