import { createReadingPositionWatcher, publishedReadingPosition, publishReadingPosition } from '@/extension/page/reading-position';

// Injected when a side panel shows the tab; publishes itself in the content scripts' isolated world, where
// the background's start and stop calls find it (extension/background/reading-position-watch.ts).
export default defineUnlistedScript(() => {
  if (!publishedReadingPosition()) publishReadingPosition(createReadingPositionWatcher());
});
