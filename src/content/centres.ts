import { getCollection } from 'astro:content';

/** The centres from `content/centres.json`, in their list order. */
export async function getCentres() {
  return (await getCollection('centres')).map((c) => c.data).sort((a, b) => a.order - b.order);
}

/** Helplines that serve one region (Wallonia and Brussels), named by the locator. */
export async function getRegionalHelplines() {
  return (await getCollection('regionalHelplines')).map((h) => h.data).sort((a, b) => a.order - b.order);
}
