import { readPage } from '@/extension/page/read-page';

// Injected on demand when the popup opens; its return value is the result of executeScript.
export default defineUnlistedScript(() => readPage(document));
