import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  campaignSchema,
  centreSchema,
  contactSchema,
  factSchema,
  helplineSchema,
  newsSchema,
  pageSchema,
  pageSourcesSchema,
  videoSchema,
} from './content/schemas';
import { videosLoader } from './features/films/videos-loader.server';

// Page text per locale: content/pages/<locale>/<page>.md, ids like `nl/about`.
const pages = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/pages' }),
  schema: pageSchema,
});

// The helpline strip's numbers and wording, in one file.
const helplines = defineCollection({ loader: file('./content/helplines.json'), schema: helplineSchema });

// Who to contact for what (contact, privacy and press pages), in one file.
const contacts = defineCollection({ loader: file('./content/contacts.json'), schema: contactSchema });

// Facts and figures for the press page and the facts sheet, each with its period, source and date looked up.
const facts = defineCollection({ loader: file('./content/facts.json'), schema: factSchema });

// News items per locale: content/news/<locale>/<slug>.md
const news = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/news' }),
  schema: newsSchema,
});

// Campaigns per locale: content/campaigns/<locale>/<slug>.md, each with its own URL and card.
const campaigns = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/campaigns' }),
  schema: campaignSchema,
});

// Films: content/videos/<slug>/ holds video.yaml, the media, captions and transcripts per locale.
// The loader stops the build when a caption file or transcript is missing or wrong.
const videos = defineCollection({ loader: videosLoader(), schema: videoSchema });

// The Veilige Huizen for the locator, with what they serve (NIS codes), in one file.
const centres = defineCollection({ loader: file('./content/centres.json'), schema: centreSchema });

// Helplines that serve a region only (Wallonia and Brussels), named by the locator.
const regionalHelplines = defineCollection({
  loader: file('./content/regional-helplines.json'),
  schema: helplineSchema,
});

// Where each page's facts come from (family topics, safety page), with the date checked.
const pageSources = defineCollection({ loader: file('./content/page-sources.json'), schema: pageSourcesSchema });

export const collections = {
  pageSources,
  pages,
  helplines,
  contacts,
  facts,
  news,
  campaigns,
  videos,
  centres,
  regionalHelplines,
};
