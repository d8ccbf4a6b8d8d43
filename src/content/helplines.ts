import { getCollection } from 'astro:content';

/** The helplines from `content/helplines.json`, in the strip's order (1712 first). */
export async function getHelplines() {
  return (await getCollection('helplines')).map((h) => h.data).sort((a, b) => a.order - b.order);
}
