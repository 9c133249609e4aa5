/** Cài đặt: language, formula style, tolerance, how amounts are read in words; what this Excel can do. */
import * as React from 'react';
import { Body1, Caption1, Checkbox, Field, Input, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { amountToWords } from '../../core/words';
import { parseAmount } from '../../core/money';
import { useI18n } from '../i18n';
import { usePane } from '../context';
import { FEATURES } from '../capabilities';
import { wordsOptions } from '../settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function SettingsView(): React.JSX.Element {
  const { t } = useI18n();
  const { settings, updateSettings, caps, host } = usePane();
  const styles = useStyles();
  const [toleranceText, setToleranceText] = React.useState(settings.tolerance === null ? '' : String(settings.tolerance).replace('.', ','));
  const parsed = toleranceText.trim() === '' ? null : parseAmount(toleranceText);
  const toleranceBad = parsed !== null && (!parsed.ok || parsed.value < 0);
  const example = amountToWords(1105000, { ...wordsOptions(settings), unit: 'dong' });

  const setTolerance = (text: string): void => {
    setToleranceText(text);
    const p = text.trim() === '' ? null : parseAmount(text);
    if (p === null) updateSettings({ ...settings, tolerance: null });
    else if (p.ok && p.value >= 0) updateSettings({ ...settings, tolerance: p.value });
  };

  return (
    <section className={styles.root} aria-labelledby="settings-title">
      <Subtitle2 as="h2" id="settings-title">
        {t('pane.tab.settings')}
      </Subtitle2>
      <Field label={t('pane.settings.language')}>
        <RadioGroup layout="horizontal" value={settings.lang} onChange={(_, d) => updateSettings({ ...settings, lang: d.value === 'en' ? 'en' : 'vi' })}>
          <Radio value="vi" label={t('pane.lang.vi')} lang="vi" />
          <Radio value="en" label={t('pane.lang.en')} lang="en" />
        </RadioGroup>
      </Field>
      <Field label={t('pane.settings.formulaStyle')}>
        <RadioGroup value={settings.formulaStyle} onChange={(_, d) => updateSettings({ ...settings, formulaStyle: d.value === 'kh' ? 'kh' : 'native' })}>
          <Radio value="native" label={t('pane.settings.formulaNative')} />
          <Radio value="kh" label={t('pane.settings.formulaKh')} />
        </RadioGroup>
      </Field>
      <Field
        label={t('pane.settings.tolerance')}
        hint={t('pane.settings.toleranceHint')}
        validationState={toleranceBad ? 'error' : 'none'}
        validationMessage={toleranceBad ? t('pane.settings.toleranceBad', { text: toleranceText }) : undefined}
      >
        <Input value={toleranceText} onChange={(_, d) => setTolerance(d.value)} inputMode="decimal" />
      </Field>
      <Subtitle2 as="h3">{t('pane.settings.words')}</Subtitle2>
      <Field label={t('pane.settings.zeroTens')}>
        <RadioGroup layout="horizontal" value={settings.words.zeroTens} onChange={(_, d) => updateSettings({ ...settings, words: { ...settings.words, zeroTens: d.value === 'lẻ' ? 'lẻ' : 'linh' } })}>
          <Radio value="linh" label={t('pane.settings.linh')} />
          <Radio value="lẻ" label={t('pane.settings.le')} />
        </RadioGroup>
      </Field>
      <Field label={t('pane.settings.thousand')}>
        <RadioGroup layout="horizontal" value={settings.words.thousand} onChange={(_, d) => updateSettings({ ...settings, words: { ...settings.words, thousand: d.value === 'ngàn' ? 'ngàn' : 'nghìn' } })}>
          <Radio value="nghìn" label={t('pane.settings.nghin')} />
          <Radio value="ngàn" label={t('pane.settings.ngan')} />
        </RadioGroup>
      </Field>
      <Checkbox checked={settings.words.chan} onChange={(_, d) => updateSettings({ ...settings, words: { ...settings.words, chan: d.checked === true } })} label={t('pane.settings.chan')} />
      {example.ok && <Body1 aria-live="polite">{t('pane.settings.example', { words: example.text })}</Body1>}
      <Caption1>{t('pane.settings.saved')}</Caption1>
      <Subtitle2 as="h3">{host.inExcel ? t('pane.settings.capabilities') : t('pane.cap.outside')}</Subtitle2>
      <ul className={styles.list}>
        {FEATURES.map((f) => (
          <li key={f.feature}>
            <Body1>
              {caps[f.feature].ok
                ? t('pane.settings.capOk', { feature: t(f.label) })
                : t('pane.settings.capMissing', { feature: t(f.label), reason: t('pane.cap.needs', { excel: t(caps[f.feature].needs) }) })}
            </Body1>
          </li>
        ))}
      </ul>
      <Caption1>{t('pane.local')}</Caption1>
    </section>
  );
}
