import type { Programme } from '../../core/programme';
import type { SourceKey } from '../../core/sources';
import type { Translate } from '../i18n';

/** A source's name in the pane's language (2026–2035 says chi thường xuyên for sự nghiệp). */
export function sourceLabel(t: Translate, key: SourceKey, programme: Programme): string {
  if (key === 'centralRecurrent' && programme === '2026-2035') return t('pane.source.centralRecurrent2026');
  return t(`pane.source.${key}`);
}
