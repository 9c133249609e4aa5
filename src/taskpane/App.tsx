/**
 * The task pane: seven views (Tạo kế hoạch, Nhập từ văn bản, Nhận dạng bảng, Kiểm tra, Biểu, Công cụ, Cài đặt) over one host. A view
 * is mounted the first time it is opened and kept, so its results survive switching tabs.
 */
import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Tab, TabList, Title3, Caption1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Lang, MessageKey, MessageParams } from '../core/i18n';
import { setFunctionLanguage } from '../functions/impl';
import { I18nProvider, useI18n } from './i18n';
import type { Host } from './host';
import { Pane, PaneContext, ViewId } from './context';
import { PaneSettings, loadSettings, pageStorage, saveSettings } from './settings';
import { capabilities } from './capabilities';
import { onViewRequest, takeRequestedView } from './ribbon';
import { CreateView } from './views/CreateView';
import { CheckView } from './views/CheckView';
import { AnnexView } from './views/AnnexView';
import { ToolsView } from './views/ToolsView';
import { SettingsView } from './views/SettingsView';
import { ImportView } from './views/ImportView';
import { RecogniseView } from './views/RecogniseView';

const VIEWS: ReadonlyArray<{ id: ViewId; label: MessageKey; render: () => React.JSX.Element }> = [
  { id: 'create', label: 'pane.tab.create', render: () => <CreateView /> },
  { id: 'import', label: 'doc.pane.tab', render: () => <ImportView /> },
  { id: 'recognise', label: 'recog.tab', render: () => <RecogniseView /> },
  { id: 'check', label: 'pane.tab.check', render: () => <CheckView /> },
  { id: 'annex', label: 'pane.tab.annex', render: () => <AnnexView /> },
  { id: 'tools', label: 'pane.tab.tools', render: () => <ToolsView /> },
  { id: 'settings', label: 'pane.tab.settings', render: () => <SettingsView /> },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: '280px' },
  header: { display: 'flex', flexDirection: 'column' },
  // five tabs on one line need about 370 px; narrower (Excel's pane can be 320 px) they wrap, so
  // each stays in view instead of scrolling out of sight
  tabs: { flexWrap: 'wrap' },
});

function Shell({ host, initialView }: { host: Host; initialView: ViewId }): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>(initialView);
  const [opened, setOpened] = React.useState<Set<ViewId>>(() => new Set([initialView]));
  const open = React.useCallback((v: ViewId) => {
    setView(v);
    setOpened((o) => (o.has(v) ? o : new Set([...o, v])));
  }, []);
  // a Home-tab button asks for a view while the pane is open
  React.useEffect(() => onViewRequest(open), [open]);
  const pane = React.useContext(Pane);
  const value = React.useMemo<PaneContext>(() => ({ ...pane, goTo: open, view }), [pane, open, view]);
  return (
    <Pane.Provider value={value}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{t('app.name')}</Title3>
          <Caption1>{t('app.tagline')}</Caption1>
        </header>
        {!host.inExcel && (
          <MessageBar intent="info">
            <MessageBarBody>{t('taskpane.officeMissing')}</MessageBarBody>
          </MessageBar>
        )}
        {host.playground && (
          <MessageBar intent="info">
            <MessageBarBody>{t('pane.playground')}</MessageBarBody>
          </MessageBar>
        )}
        <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, d) => open(d.value as ViewId)} aria-label={t('pane.tabs')} size="small">
          {VIEWS.map((v) => (
            <Tab key={v.id} value={v.id} id={`tab-${v.id}`} aria-controls={`view-${v.id}`}>
              {t(v.label)}
            </Tab>
          ))}
        </TabList>
        {VIEWS.map((v) =>
          opened.has(v.id) ? (
            <div key={v.id} id={`view-${v.id}`} role="tabpanel" aria-labelledby={`tab-${v.id}`} hidden={view !== v.id}>
              {v.render()}
            </div>
          ) : null,
        )}
      </main>
    </Pane.Provider>
  );
}

export interface AppProps {
  host: Host;
  /** Where settings are kept (tests pass their own). */
  storage?: Storage | null;
  initialView?: ViewId;
  /** Replaces the catalogue (pseudo-localisation test). */
  translator?: (key: MessageKey, params: MessageParams, lang: Lang) => string;
}

export function App({ host, storage = pageStorage(), initialView, translator }: AppProps): React.JSX.Element {
  // the view a Home-tab button asked for before the pane was there, else the one given, else Tạo kế hoạch
  const [firstView] = React.useState<ViewId>(() => takeRequestedView() ?? initialView ?? 'create');
  const [settings, setSettings] = React.useState<PaneSettings>(() => loadSettings(storage));
  React.useEffect(() => {
    setFunctionLanguage(settings.lang);
    if (typeof document !== 'undefined') document.documentElement.lang = settings.lang;
  }, [settings.lang]);
  const updateSettings = React.useCallback(
    (next: PaneSettings) => {
      setSettings(next);
      saveSettings(storage, next);
    },
    [storage],
  );
  const caps = React.useMemo(() => capabilities(host.support), [host]);
  const value = React.useMemo<PaneContext>(() => ({ host, settings, updateSettings, caps, goTo: () => undefined }), [host, settings, updateSettings, caps]);
  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={settings.lang} translator={translator}>
        <Pane.Provider value={value}>
          <Shell host={host} initialView={firstView} />
        </Pane.Provider>
      </I18nProvider>
    </FluentProvider>
  );
}
