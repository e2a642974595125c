import './style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntityList } from '../../components/EntityList';
import { call, type TabEntity } from '../../lib/messages';

type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; entities: TabEntity[] };

/**
 * The tab the popup is about: the active tab, or `?tab=ID` when the popup
 * page is opened on its own (as the per-entity view and the tests do).
 */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      const res = tabId === undefined ? null : await call(browser.runtime, { type: 'tabEntities', tabId });
      setState(res && res.entities.length > 0 ? { kind: 'ready', entities: res.entities } : { kind: 'none' });
    })();
  }, []);
  return (
    <main>
      <header>
        <h1>Backstory</h1>
      </header>
      {state.kind === 'loading' && <p class="empty">Reading this page…</p>}
      {state.kind === 'none' && <p class="empty">Nothing on this page is in Backstory's fact store yet.</p>}
      {state.kind === 'ready' && (
        <>
          <p class="summary">On this page</p>
          <EntityList entities={state.entities} />
        </>
      )}
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Popup />, app);
