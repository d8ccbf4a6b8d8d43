/**
 * Text made safe inside HTML or XML markup: in an element or a quoted attribute. Every special
 * character becomes a numeric reference, which both languages read.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
