// npm run launch:checklist: writes docs/launch-checklist.md from every "toConfirm" entry in the content.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKLIST_PATH, collectChecklist, renderChecklist } from '../tools/launch-checklist.ts';

const root = join(import.meta.dirname, '..');
const items = collectChecklist(root);
writeFileSync(join(root, CHECKLIST_PATH), renderChecklist(items));
console.log(`${CHECKLIST_PATH}: ${items.length} items to fill in or confirm before launch`);
