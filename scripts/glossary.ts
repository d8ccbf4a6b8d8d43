// npm run glossary: every forbidden variant of a term, and every missing gloss, as file:line
// and the term to use (the rules: docs/languages.md; the check: tools/glossary.ts).
import { describeMissingGloss, describeViolation, glossViolations, glossaryViolations } from '../tools/glossary.ts';

const found = glossaryViolations(process.cwd());
const glosses = glossViolations(process.cwd());
for (const v of found) console.log(describeViolation(v));
for (const m of glosses) console.log(describeMissingGloss(m));
console.log(`glossary: ${found.length} forbidden variant(s), ${glosses.length} missing gloss(es)`);
process.exitCode = found.length + glosses.length === 0 ? 0 : 1;
