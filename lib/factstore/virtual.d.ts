declare module 'virtual:backstory-store' {
  import type { CompiledStore } from './store';

  const compiled: CompiledStore;
  export default compiled;
}
