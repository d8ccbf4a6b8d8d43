import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { helplineSchema, pageSchema } from './content/schemas';

// Page text per locale: content/pages/<locale>/<page>.md, ids like `nl/about`.
const pages = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/pages' }),
  schema: pageSchema,
});

// The helpline strip's numbers and wording, in one file.
const helplines = defineCollection({
  loader: file('./content/helplines.json'),
  schema: helplineSchema,
});

export const collections = { pages, helplines };
