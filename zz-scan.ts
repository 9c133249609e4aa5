import { vi } from './src/core/i18n/vi';
import { en } from './src/core/i18n/en';
import { RULES } from './src/core/checks/rules';
const ids = RULES.map((r) => r.id).concat(['LAYOUT']);
const pats: RegExp[] = [/\b_kh\b/, /ExcelApi|SharedRuntime/, /'[^']+'!/, /\bsync\b/i, /\bsnapshot\b/i, /\bbẫy\b/i, /\b(sub)?project\b/, /\{cells\} ô|ghi \{count\} ô/, /\bundefined\b|\bNaN\b/, new RegExp(`(?<!KH\\.)\\b(${ids.join('|')})\\b`)];
for (const [lang, cat] of [['vi', vi], ['en', en]] as const) for (const [k, v] of Object.entries(cat)) for (const p of pats) if (p.test(v)) console.log(lang, k, p, JSON.stringify(v).slice(0, 140));
