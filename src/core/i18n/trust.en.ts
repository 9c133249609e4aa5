/** Messages of "Trust, round two" in English: the same keys as trust.vi.ts (the compiler enforces it). */
import type { trustVi } from './trust.vi';

export const trustEn: Record<keyof typeof trustVi, string> = {
  'args.unknownFlag': 'There is no option {flag} (a typo?): see {help}. A value starting with "-" goes after "--", for example kh words -- -1728',
  'args.missingValue': 'Option {flag} needs a value, for example {flag} {example}: see {help}',
  'args.dashValue': 'Option {flag} needs a value but is followed by "{value}": if "{value}" is the value, write {flag}={value}',
  'args.noValue': 'Option {flag} takes no value: remove "={value}"',
  'args.invalid': 'Cannot understand the command line: see {help}',
  'args.badLang': 'There is no language "{value}": --lang takes vi or en',
  'args.badTolerance': '--tolerance "{value}" is not a number ≥ 0 (for example --tolerance 0.001)',
  'args.badFrom': '--from "{value}" does not exist: use --from tcvn3 or --from vni',
  'args.extra': 'kh {command} takes {count} file name(s); "{value}" is one too many: see kh {command} --help',
  'args.unknownCommand': 'There is no command "{command}": the commands are listed below',

  'output.noSpace': 'Cannot write {file}: the disk is full. Free some space or write to another disk (-o), then run again',
  'output.readOnly': 'Cannot write {file}: this disk or folder is read-only. Write to another folder with -o',
  'output.denied': 'Cannot write {file}: no permission to write there. Write to a folder of yours with -o, or ask for write permission',
  'output.isDirectory': 'Cannot write {file}: it is a folder. Give the name of a file in it, for example -o {file}/ke-hoach.xlsx',
  'output.notDirectory': 'Cannot write {file}: part of the path is a file, not a folder. Check the path',
  'output.nameTooLong': 'Cannot write {file}: the file name or path is too long. Choose a shorter name',
  'output.notRegular': 'Not writing {file}: it is not a regular file (a device, a pipe, a socket…); KH writes only regular files or new ones, even with --force. Choose another name with -o',
  'output.failed': 'Cannot write {file} ({code}). Check the disk and run again, or write elsewhere with -o',
};
