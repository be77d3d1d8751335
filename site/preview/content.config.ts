// The site's collections (globals, navigation, alternates) as of the preview server's build; the
// previewed entry itself is fetched live (lib/preview.ts).
export { collections } from '../src/content.config';
