export function markdownToHtml(markdown: string): { html: string; toc: Array<{ id: string; text: string }> };
export function helpPage(markdown: string): string;
export const HELP_CSS: string;
export const HELP_CSP: string;
