// The intranet widget: <script src="https://HOST/widget.js" data-title="…" defer></script> adds a
// floating button that opens the chat. It lives in a shadow root, so the host page's styles and
// the widget's do not mix; the API is the script's own origin unless data-api says otherwise.
import { type CSSProperties, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
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
  const panel = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const launcher = useRef<HTMLButtonElement>(null);
  const settings = useMemo(
    () => ({
      api: createApiClient(options.apiBase),
      baseUrl: options.apiBase,
      linkTarget: '_blank' as const,
      storageKey: 'bronwijzer.widget',
      scrollContainer: () => body.current,
    }),
    [options.apiBase],
  );
  const wasOpen = useRef(open);

  // Opening moves focus into the panel (the question box); closing returns it to the launcher.
  useEffect(() => {
    if (open && !wasOpen.current) {
      requestAnimationFrame(() => (panel.current?.querySelector<HTMLElement>('textarea') ?? panel.current)?.focus());
    }
    if (!open && wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  // While open, Tab stays inside the panel and Escape closes it.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => element.offsetParent !== null || element === document.activeElement,
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = (panel.current.getRootNode() as ShadowRoot).activeElement;
    if (!first || !last) return;
    if (event.shiftKey && (active === first || active === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <ChatSettingsProvider settings={settings}>
      <div
        className={`bw-root${options.position === 'bottom-left' ? ' bw-left' : ''}`}
        style={options.accent ? ({ '--bw-accent': options.accent } as CSSProperties) : undefined}
      >
        <section
          id={panelId}
          ref={panel}
          className="bw-panel"
          role="dialog"
          aria-modal="false"
          aria-label={options.title}
          hidden={!open}
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          <div className="bw-panel-header">
            <h2 className="bw-panel-title">{options.title}</h2>
            <button type="button" className="bw-close" onClick={() => setOpen(false)} aria-label={text.widgetClose}>
              ✕
            </button>
          </div>
          <div className="bw-panel-body" ref={body}>
            {open && <ChatPanel />}
          </div>
        </section>
        <button type="button" ref={launcher} className="bw-launcher" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
          {open ? text.widgetClose : options.title}
        </button>
      </div>
    </ChatSettingsProvider>
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The widget's sizes in pixels: a rem is the host page's root font size, which an intranet page
 * may set to anything (html { font-size: 40px }); the widget keeps its own 16 px.
 */
function remToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rem\b/g, (_, value: string) => `${Math.round(Number(value) * 16 * 100) / 100}px`);
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
  adoptStyles(shadow, remToPx(`${chatCss}\n${widgetCss}`));
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
