// Who is signed in, with "Uitloggen"; or "Inloggen" through the municipality's identity provider.
// The full chat signs in in place and comes back to where it was; the widget opens it in a new
// tab (an intranet page cannot be sent away) and asks again when the colleague comes back.
import type { Me } from '../../../../../api/contract';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';

export function AccountBar({ me }: { me: Me }) {
  const { baseUrl, linkTarget } = useChatSettings();
  const here = linkTarget === '_self' ? `${window.location.pathname}${window.location.search}` : '/';
  if (!me.signedIn) {
    return (
      <p className="account-bar">
        <a href={`${baseUrl}/auth/login?returnTo=${encodeURIComponent(here)}`} target={linkTarget} rel={linkTarget === '_blank' ? 'noopener' : undefined}>
          {text.signIn}
        </a>{' '}
        <span className="question-hint">{text.signInHint}</span>
      </p>
    );
  }
  return (
    <form className="account-bar" method="post" action={`${baseUrl}/auth/logout`} target={linkTarget}>
      <span>{text.signedInAs(me.name ?? text.colleague)}</span>{' '}
      <button type="submit" className="button-secondary">
        {text.signOut}
      </button>
    </form>
  );
}
