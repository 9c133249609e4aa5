/**
 * The two programmes a workbook can hold. 2021–2025 money was extended to 31/12/2026 and keeps
 * the old structure (Dự án / Tiểu dự án); plans for 2027 use the merged 2026–2035 programme
 * (Hợp phần / Nội dung thành phần).
 */
export type Programme = '2021-2025' | '2026-2035';

export const PROGRAMMES: readonly Programme[] = ['2021-2025', '2026-2035'];

export const DEFAULT_PROGRAMME: Programme = '2021-2025';

/** Accepts "2021-2025", "2021–2025", "2026", "2026-2035", "GNBV", "MTQG"… Null when unrecognised. */
export function parseProgramme(text: string | null | undefined): Programme | null {
  if (text == null) return null;
  const t = String(text).trim().toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, '');
  if (t === '') return null;
  if (/^(2021(-2025)?|2022|2023|2024|2025|gnbv|giamngheo)$/.test(t)) return '2021-2025';
  if (/^(2026(-2035)?|2027|2028|2029|2030|mtqg|hopnhat)$/.test(t)) return '2026-2035';
  return null;
}
