// markdown-it-mark ships no types: it is a markdown-it plugin, used as one (`reader.use(mark)`).
declare module 'markdown-it-mark' {
  import type { PluginSimple } from 'markdown-it';

  const mark: PluginSimple;
  export default mark;
}
