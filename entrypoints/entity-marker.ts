import { createEntityMarker, publishedEntityMarker, publishEntityMarker } from '@/extension/page/entity-marks';

// Injected on demand when the user asks the popup to mark entities; publishes itself in the content
// scripts' isolated world, where the background's follow-up calls find it.
export default defineUnlistedScript(() => {
  if (!publishedEntityMarker()) publishEntityMarker(createEntityMarker());
});
