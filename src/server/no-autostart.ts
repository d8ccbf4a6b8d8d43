// Imported first by src/server/entry.ts, before the adapter's module runs: the adapter starts
// its own server unless ASTRO_NODE_AUTOSTART is "disabled", and ours must be the only one.
// What the caller asked for (the preview server sets it too) is kept in `autostart`.
export const autostart = process.env['ASTRO_NODE_AUTOSTART'] !== 'disabled';
process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
