/** The minimal task pane of the Foundation: who KH is, the functions it adds, the language switch. */
import * as React from 'react';
import {
  FluentProvider,
  webLightTheme,
  Title2,
  Body1,
  Subtitle2,
  MessageBar,
  MessageBarBody,
  RadioGroup,
  Radio,
  Field,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Lang, MessageKey, translate } from '../core/i18n';
import { setFunctionLanguage } from '../functions/impl';

const FUNCTION_KEYS: MessageKey[] = ['fn.ROLLUP', 'fn.CHECK_SOURCES', 'fn.BANGCHU', 'fn.SOTIEN', 'fn.DOIDONVI', 'fn.TENDA', 'fn.MADA', 'fn.CHUYENMA', 'fn.DOIUNG'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function App({ inOffice }: { inOffice: boolean }): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>('vi');
  const t = (key: MessageKey): string => translate(key, {}, lang);

  const changeLanguage = (next: Lang): void => {
    setLang(next);
    setFunctionLanguage(next);
    document.documentElement.lang = next;
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1">{t('app.name')}</Title2>
        <Body1>{t('app.tagline')}</Body1>
        {!inOffice && (
          <MessageBar intent="info">
            <MessageBarBody>{t('taskpane.officeMissing')}</MessageBarBody>
          </MessageBar>
        )}
        <Body1>{t('taskpane.intro')}</Body1>
        <Subtitle2 as="h2">{t('taskpane.functionsTitle')}</Subtitle2>
        <ul className={styles.list}>
          {FUNCTION_KEYS.map((key) => (
            <li key={key}>
              <Body1>{t(key)}</Body1>
            </li>
          ))}
        </ul>
        <Field label={t('taskpane.language')}>
          <RadioGroup layout="horizontal" value={lang} onChange={(_, data) => changeLanguage(data.value as Lang)}>
            <Radio value="vi" label="Tiếng Việt" />
            <Radio value="en" label="English" />
          </RadioGroup>
        </Field>
      </main>
    </FluentProvider>
  );
}
