// Sign-in and collections in the chat: "Inloggen" when sign-in is offered, who is signed in with
// "Uitloggen", a choice where to search that goes along with the question, and the collection
// each source comes from when there are several.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../web/src/app/App';
import { API, askRequests, meHandlers } from '../mocks/handlers';
import { server } from '../mocks/server';

describe('signing in and collections', () => {
  it('offer "Inloggen" through the server, coming back to this page', async () => {
    server.use(meHandlers.signedOut);
    render(<App baseUrl={API} />);
    const link = await screen.findByRole('link', { name: 'Inloggen' });
    expect(link.getAttribute('href')).toBe(`${API}/auth/login?returnTo=%2F`);
    expect(screen.queryByLabelText('Zoek in:')).toBeNull();
  });

  it('show nothing of either without sign-in configured', async () => {
    render(<App baseUrl={API} />);
    await screen.findByLabelText('Stel je vraag');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'Inloggen' })).toBeNull();
    expect(screen.queryByLabelText('Zoek in:')).toBeNull();
  });

  it("show who is signed in, search the chosen collection, and name each source's collection", async () => {
    server.use(meHandlers.teamJeugd);
    const user = userEvent.setup();
    render(<App baseUrl={API} />);
    expect(await screen.findByText('Ingelogd als Jet de Jong.')).toBeTruthy();
    const logout = screen.getByRole('button', { name: 'Uitloggen' }).closest('form')!;
    expect(logout.getAttribute('method')).toBe('post');
    expect(logout.getAttribute('action')).toBe(`${API}/auth/logout`);

    await user.selectOptions(screen.getByLabelText('Zoek in:'), 'Team Jeugd');
    await user.type(screen.getByLabelText('Stel je vraag'), 'Wat is respijtzorg?{Enter}');
    const sources = await screen.findByRole('list', { name: '' });
    expect(askRequests.at(-1)).toMatchObject({ question: 'Wat is respijtzorg?', collections: ['team-jeugd'] });
    expect(within(sources).getByText(/Collectie: Openbare documenten · Paragraaf: Ondersteuning van mantelzorgers/)).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Zoek in:'), 'alle collecties');
    await user.type(screen.getByLabelText('Stel je vraag'), 'En dagbesteding?{Enter}');
    await waitFor(() => expect(askRequests.at(-1)?.question).toBe('En dagbesteding?'));
    expect(askRequests.at(-1)?.collections).toBeUndefined();
  });
});
