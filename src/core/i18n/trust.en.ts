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

  'input.outOfGrid': 'Sheet "{sheet}" of {file} has the reference {ref} outside Excel\'s grid (in {what}; Excel has only 16,384 columns and 1,048,576 rows): the file is damaged or made to do harm, and KH does not open it. Open it in Excel and save it, or get the original',
  'input.nameOutOfGrid': 'Defined name "{name}" in {file} points to {ref}, outside Excel\'s grid (16,384 columns and 1,048,576 rows): the file is damaged or made to do harm, and KH does not open it. Fix or delete that name in Excel (Formulas → Name Manager), save and run again',
  'input.merges': 'Sheet "{sheet}" of {file} has at least {count} merged ranges (KH reads up to {limit} per sheet; more take minutes to read): unmerge the cells that need not be merged (Home → Merge & Center → Unmerge Cells), save and run again',

  'cli.frozenValue': 'its computed value',
  'cli.unlinked': 'link taken off, text "{text}" kept',
  'cli.neutralised': 'Replaced {count} cells of dangerous content (DDE, WEBSERVICE, links to other files, script hyperlinks) by their values in {file}; the original is unchanged unless --in-place',
  'rule.DANGEROUS_CONTENT.dde': 'Cell {cell} calls the program "{what}" through DDE ({formula}): opening the file can run a command on the machine',
  'rule.DANGEROUS_CONTENT.function': 'Cell {cell} uses {what} ({formula}): that function runs code or reaches the network or an outside server',
  'rule.DANGEROUS_CONTENT.external': 'Cell {cell} takes figures from another file "{what}" ({formula}): Excel opens and updates from wherever the link points, another machine included',
  'rule.DANGEROUS_CONTENT.link': 'Cell {cell} opens "{what}" with HYPERLINK: a click can run code or open a file on another machine',
  'rule.DANGEROUS_CONTENT.hyperlink': 'Cell {cell} has a hyperlink to "{what}": a click can run code or open a file on another machine',
  'rule.DANGEROUS_CONTENT.externalPart': 'The workbook links to the outside file "{what}": Excel will offer to update from it and open it',
  'pane.rule.DANGEROUS_CONTENT': 'Dangerous content (runs commands, reaches the network, links outside)',
  'rule.DANGEROUS_CONTENT.hint': 'Run kh send-safe (Safe to send) to replace it by its value, or delete it in Excel',
};
