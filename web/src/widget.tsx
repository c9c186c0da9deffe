// The intranet widget: <script src="https://HOST/widget.js" data-title="…" defer></script> adds a
// floating button that opens the chat. It lives in a shadow root, so the host page's styles and
// the widget's do not mix; the API is the script's own origin unless data-api says otherwise.
import { type CSSProperties, useId, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatSettingsProvider } from './features/chat/chat-settings';
import { ChatPanel } from './features/chat/components/ChatPanel';
import { createApiClient } from './lib/api-client';
import { text } from './shared/text.nl';
import chatCss from './styles/chat.css?inline';
import widgetCss from './styles/widget.css?inline';

// Hex, rgb()/hsl() or a colour name: nothing that could smuggle other CSS into the style attribute.
const SAFE_COLOUR = /^(#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgb|hsl)a?\([\d.,%\s/]+\)|[a-z]{3,20})$/i;

export interface WidgetOptions {
  title: string;
  apiBase: string;
  accent: string | null;
  position: 'bottom-right' | 'bottom-left';
  open: boolean;
}

export function readWidgetOptions(script: HTMLScriptElement | null): WidgetOptions {
  const data = script?.dataset ?? {};
  const scriptOrigin = script?.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  return {
    title: data.title?.trim() || text.appTitle,
    apiBase: data.api?.trim() || scriptOrigin,
    accent: data.accent && SAFE_COLOUR.test(data.accent.trim()) ? data.accent.trim() : null,
    position: data.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
    open: data.open === 'true' || data.open === '',
  };
}

function Widget({ options }: { options: WidgetOptions }) {
  const [open, setOpen] = useState(options.open);
  const panelId = useId();
  const settings = useMemo(
    () => ({ api: createApiClient(options.apiBase), baseUrl: options.apiBase, linkTarget: '_blank' as const, storageKey: 'bronwijzer.widget' }),
    [options.apiBase],
  );
  return (
    <ChatSettingsProvider settings={settings}>
      <div
        className={`bw-root${options.position === 'bottom-left' ? ' bw-left' : ''}`}
        style={options.accent ? ({ '--bw-accent': options.accent } as CSSProperties) : undefined}
      >
        <section id={panelId} className="bw-panel" role="dialog" aria-label={options.title} hidden={!open}>
          <div className="bw-panel-header">
            <h2 className="bw-panel-title">{options.title}</h2>
            <button type="button" className="bw-close" onClick={() => setOpen(false)} aria-label={text.widgetClose}>
              ✕
            </button>
          </div>
          <div className="bw-panel-body">{open && <ChatPanel />}</div>
        </section>
        <button type="button" className="bw-launcher" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
          {open ? text.widgetClose : options.title}
        </button>
      </div>
    </ChatSettingsProvider>
  );
}

/**
 * The widget's styles as a constructed stylesheet: a host page whose Content-Security-Policy
 * forbids inline <style> (as ours does) still styles the widget. Older browsers get a <style>.
 */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

export function mountWidget(options: WidgetOptions): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('data-bronwijzer-widget', '');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, `${chatCss}\n${widgetCss}`);
  const mount = document.createElement('div');
  shadow.append(mount);
  document.body.append(host);
  createRoot(mount).render(<Widget options={options} />);
  return host;
}

const script = document.currentScript as HTMLScriptElement | null;
const start = () => mountWidget(readWidgetOptions(script ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]')));
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
