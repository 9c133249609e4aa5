/**
 * A strict in-memory fake of the Excel JavaScript API subset KH's office.js adapter uses.
 * See docs/excel-fake.md for what it models and what it does not.
 */
export * from './address';
export * from './areas';
export * from './cells';
export * from './charts';
export * from './context';
export * from './errors';
export * from './events';
export * from './fake';
export * from './formats';
export * from './formula';
export * from './inspect';
export * from './names';
export * from './proxy';
export * from './range';
export * from './requirements';
export * from './shift';
export * from './state';
export * from './workbook';
export * from './worksheet';
