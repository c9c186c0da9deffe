// A minimal router: the current path and hash, and navigation that keeps the browser's
// history (back returns to the conversation) without reloading the page.
import { useCallback, useEffect, useState } from 'react';

const read = () => ({ path: window.location.pathname, hash: window.location.hash });

export function useLocation() {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    window.addEventListener('popstate', update);
    window.addEventListener('hashchange', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('hashchange', update);
    };
  }, []);
  const navigate = useCallback((href: string, { replace = false }: { replace?: boolean } = {}) => {
    if (replace) window.history.replaceState(null, '', href);
    else window.history.pushState(null, '', href);
    setLocation(read());
    if (!href.includes('#')) window.scrollTo?.(0, 0);
  }, []);
  return { ...location, navigate };
}
