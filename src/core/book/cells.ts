/** The two kinds of cell a plan sheet is written with: a text or number value, a locked formula. */
import { CellSpec } from './model';

/** Texts from users and plan documents are written as values, never as formulas. */
export function text(value: string | number | null | undefined, style: string, locked = true): CellSpec {
  return { value: value ?? null, style, locked };
}

export function formula(f: string, style: string, numberFormat?: string): CellSpec {
  return { formula: f, style, numberFormat, locked: true };
}
