import './style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { EntityList } from '../../components/EntityList';
import { RelatedList } from '../../components/RelatedList';
import { SiteSwitch } from '../../components/SiteSwitch';
import { StoryList } from '../../components/StoryList';
import type { TabMessage } from '../../lib/contract';
import { sitePattern } from '../../lib/granted-sites';
import { speakReadersLanguage } from '../../lib/i18n/page';
import { call, type RelatedItem, type Response, type Story, type TabEntity } from '../../lib/messages';
import { siteOf } from '../../lib/site-settings';

type State =
  | { kind: 'loading' }
  | { kind: 'not-web' }
  | { kind: 'unread' }
  | { kind: 'nothing' }
  | { kind: 'ready'; entities: TabEntity[]; related: RelatedItem[] | undefined }
  | { kind: 'entity'; entity: TabEntity; stories: Story[] };

/**
 * The tab the popup is about: the active tab, or `?tab=ID` when the popup
 * page is opened on its own (as the per-entity view and the tests do).
 */
async function targetTab(): Promise<{ id?: number; url?: string }> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    const tab = await browser.tabs.get(Number(param)).catch(() => undefined);
    return { id: Number(param), ...(tab?.url ? { url: tab.url } : {}) };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { ...(tab?.id !== undefined ? { id: tab.id } : {}), ...(tab?.url ? { url: tab.url } : {}) };
}

/** The entity the popup should open on: `?entity=ID`, or one a card asked for in the last seconds. */
async function focusEntity(): Promise<string | undefined> {
  const param = new URLSearchParams(location.search).get('entity');
  if (param) return param;
  const got = (await browser.storage.session.get('focusEntity')).focusEntity as
    | { entityId?: string; at?: number }
    | undefined;
  await browser.storage.session.remove('focusEntity');
  return got?.entityId && got.at && Date.now() - got.at < 10_000 ? got.entityId : undefined;
}

function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [site, setSite] = useState<{ name: string; enabled: boolean } | undefined>();
  const [tabId, setTabId] = useState<number | undefined>();
  // The match pattern of this site when Backstory may not read it yet (the reader can allow it).
  const [askFor, setAskFor] = useState<string | undefined>();
  const [asked, setAsked] = useState<'refused' | 'failed' | undefined>();
  const [query, setQuery] = useState('');
  const [notes, setNotes] = useState<Response<'notesForTab'>>(null);

  const load = async () => {
    const tab = await targetTab();
    setTabId(tab.id);
    const name = tab.url ? siteOf(tab.url) : undefined;
    // Everything the popup shows is asked for at once; the names show first,
    // related coverage as soon as it is ranked.
    if (tab.id !== undefined) void call(browser.runtime, { type: 'notesForTab', tabId: tab.id }).then(setNotes);
    const relatedPromise =
      tab.id === undefined ? Promise.resolve(null) : call(browser.runtime, { type: 'relatedCoverage', tabId: tab.id });
    const [enabled, entityId, res] = await Promise.all([
      name
        ? call(browser.runtime, { type: 'siteEnabled', site: name }).then((r) => r?.enabled !== false)
        : Promise.resolve(false),
      focusEntity(),
      tab.id === undefined ? Promise.resolve(null) : call(browser.runtime, { type: 'tabEntities', tabId: tab.id }),
    ]);
    if (name) setSite({ name, enabled });
    const pattern = tab.url ? sitePattern(tab.url) : undefined;
    const allowed = pattern ? await browser.permissions.contains({ origins: [pattern] }).catch(() => true) : true;
    setAskFor(allowed ? undefined : pattern);
    if (entityId) {
      const about = await call(browser.runtime, { type: 'entityCoverage', entityId });
      if (about.ok) {
        setState({ kind: 'entity', entity: about.value.entity, stories: about.value.stories });
        return;
      }
    }
    if (tab.url && !name) setState({ kind: 'not-web' });
    else if (!res) setState({ kind: 'unread' });
    else if (res.entities.length === 0) setState({ kind: 'nothing' });
    else {
      const entities = res.entities;
      setState({ kind: 'ready', entities, related: undefined });
      const related = (await relatedPromise) ?? [];
      setState((now) => (now.kind === 'ready' && now.entities === entities ? { ...now, related } : now));
    }
  };
  useEffect(() => {
    void load();
  }, []);
  // A User Timing mark once the popup shows its answer (read by `npm run bench:popup`);
  // Preact runs effects after the frame that shows the render is painted.
  const relatedShown = state.kind === 'ready' && state.related !== undefined;
  useEffect(() => {
    if (state.kind !== 'loading') performance.mark('backstory-popup-ready');
  }, [state.kind]);
  useEffect(() => {
    if (relatedShown) performance.mark('backstory-popup-related');
  }, [relatedShown]);

  const toggle = async (enabled: boolean) => {
    if (!site) return;
    const res = await call(browser.runtime, { type: 'setSiteEnabled', site: site.name, enabled });
    if (res.ok) setSite({ name: site.name, enabled });
  };
  // Must run straight from the click: the browser asks the reader, and only for a gesture.
  const turnOnHere = () => {
    if (!askFor) return;
    browser.permissions.request({ origins: [askFor] }).then(
      (granted) => {
        if (!granted) {
          setAsked('refused');
          return;
        }
        // The background reads the open tab as soon as the permission lands.
        setAskFor(undefined);
        setState({ kind: 'loading' });
        setTimeout(() => void load(), 1500);
      },
      () => setAsked('failed'),
    );
  };
  const reveal = (entity: TabEntity) => {
    if (tabId !== undefined)
      void browser.tabs
        .sendMessage(tabId, { type: 'reveal', entityId: entity.id } satisfies TabMessage)
        .catch(() => undefined);
  };

  const off = site !== undefined && !site.enabled;
  return (
    <main>
      <header>
        <h1>
          <img class="logo" src="/icons/48.png" alt="" width="20" height="20" />
          {i18n.t('extName')}
        </h1>
        {site && !askFor && <SiteSwitch site={site.name} enabled={site.enabled} onChange={(on) => void toggle(on)} />}
      </header>
      {state.kind === 'loading' && <p class="empty">{i18n.t('popup.reading')}</p>}
      {state.kind === 'not-web' && <p class="empty">{i18n.t('popup.notWeb')}</p>}
      {(state.kind === 'unread' || state.kind === 'nothing') &&
        (off ? (
          <p class="empty">{i18n.t('popup.off', { site: site?.name ?? '' })}</p>
        ) : state.kind === 'unread' ? (
          askFor && site ? (
            <div class="empty">
              <p>{i18n.t('popup.askFor', { site: site.name })}</p>
              <button type="button" class="turn-on" onClick={turnOnHere}>
                {i18n.t('popup.turnOn', { site: site.name })}
              </button>
              {asked === 'refused' && <p role="status">{i18n.t('popup.refused')}</p>}
              {asked === 'failed' && <p role="alert">{i18n.t('popup.askFailed')}</p>}
            </div>
          ) : (
            <p class="empty">{i18n.t('popup.unread')}</p>
          )
        ) : (
          <p class="empty">{i18n.t('popup.nothing')}</p>
        ))}
      {state.kind === 'entity' && (
        <section aria-label={i18n.t('popup.storiesAboutName', { name: state.entity.name })}>
          <p class="summary">{i18n.t('popup.storiesAbout')}</p>
          <h2 class="entity-name" dir="auto">
            {state.entity.name}
          </h2>
          <p class="description" dir="auto">
            {state.entity.description}
          </p>
          <StoryList stories={state.stories} />
        </section>
      )}
      {state.kind === 'ready' && (
        <>
          <section aria-label={i18n.t('popup.onThisPage')}>
            <h2 class="section-title">{i18n.t('popup.onThisPage')}</h2>
            <input
              type="search"
              class="search"
              placeholder={i18n.t('popup.filterPlaceholder')}
              aria-label={i18n.t('popup.filterLabel')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <EntityList entities={state.entities} query={query} onSelect={reveal} />
          </section>
          {notes && (notes.passages.length > 0 || notes.entities.length > 0) && (
            <section aria-label={i18n.t('common.yourNotes')}>
              <h2 class="section-title">{i18n.t('common.yourNotes')}</h2>
              <ul class="popup-notes">
                {notes.passages.map((n) => (
                  <li key={n.id} data-orphaned={n.orphaned ? 'true' : 'false'}>
                    <blockquote dir="auto">
                      {n.selector.find((x) => x.type === 'TextQuoteSelector')?.exact ?? ''}
                    </blockquote>
                    <p dir="auto">
                      {n.body}
                      {n.orphaned && <span class="orphaned"> {i18n.t('popup.passageNotFound')}</span>}
                    </p>
                  </li>
                ))}
                {notes.entities.map((n) => (
                  <li key={n.id}>
                    <p dir="auto">
                      <strong>{i18n.t('common.labelled', { label: n.entity.name })}</strong> {n.body}
                    </p>
                  </li>
                ))}
              </ul>
              <p class="summary">
                <a href={browser.runtime.getURL('/notes.html')} target="_blank" rel="noreferrer">
                  {i18n.t('popup.allNotes')}
                </a>
              </p>
            </section>
          )}
          <section aria-label={i18n.t('popup.related')}>
            <h2 class="section-title">{i18n.t('popup.related')}</h2>
            {state.related ? <RelatedList items={state.related} /> : <p class="empty">{i18n.t('popup.ranking')}</p>}
          </section>
        </>
      )}
    </main>
  );
}

speakReadersLanguage(document, i18n.t('extName'));
const app = document.getElementById('app');
if (app) render(<Popup />, app);
