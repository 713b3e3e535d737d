import type { CmsConfig } from '../config/types.ts';
import { type DataFile, tidyDataFiles } from './tidy.ts';

interface Implementation {
  persistEntry(entry: { dataFiles: DataFile[] }, options: unknown): Promise<unknown>;
}
interface Registry {
  getBackend(name: string): { init: (...args: never[]) => unknown } | undefined;
}

/**
 * Routes every save of the configured backend through `tidyDataFiles`. Decap's `preSave`
 * event only sees the default locale's data, so the files are tidied where the backend
 * receives them, whatever the backend (local server, GitHub, GitLab, Gitea) and publish mode.
 */
export function tidyOnSave(cms: Registry, config: CmsConfig): void {
  const registered = cms.getBackend(config.backend.name);
  if (!registered) throw new Error(`backend Decap inconnu : ${config.backend.name}`);
  const init = registered.init;
  registered.init = (...args) => {
    const backend = init(...args) as Implementation;
    const persist = backend.persistEntry.bind(backend);
    backend.persistEntry = (entry, options) =>
      persist({ ...entry, dataFiles: tidyDataFiles(entry.dataFiles, config) }, options);
    return backend;
  };
}
