import type { CmsBackend, CmsConfig } from './types.ts';

/**
 * The Git backend is chosen at build time from environment variables, so one build of the
 * hub can be pointed at GitHub, a self-managed GitLab or Gitea without touching code
 * (see docs/cms.md). Without any, the admin talks to the local `decap-server` of `npm run cms`.
 */
export type Env = Record<string, string | undefined>;

export const backendNames = ['local', 'github', 'gitlab', 'gitea'] as const;
export type BackendName = (typeof backendNames)[number];

/** Port of the local decap-server; `npm run cms` starts it there on 127.0.0.1. */
export const defaultLocalPort = '8081';

function required(env: Env, name: string, backend: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`RELAIS_CMS_BACKEND=${backend} demande aussi ${name} (voir docs/cms.md)`);
  return value;
}

const optional = (key: keyof CmsBackend, value: string | undefined) => (value?.trim() ? { [key]: value.trim() } : {});

/** `https://git.example.fr/` → `https://git.example.fr` */
const origin = (url: string) => url.replace(/\/+$/, '');

export function cmsBackend(env: Env): Pick<CmsConfig, 'backend' | 'publish_mode'> {
  const name = (env.RELAIS_CMS_BACKEND?.trim() || 'local') as BackendName;
  if (!backendNames.includes(name))
    throw new Error(`RELAIS_CMS_BACKEND=${name} inconnu : choisissez ${backendNames.join(', ')}`);
  const branch = env.RELAIS_CMS_BRANCH?.trim() || 'main';
  const backend = ((): CmsBackend => {
    switch (name) {
      case 'local':
        return {
          name: 'proxy',
          proxy_url: `http://127.0.0.1:${env.RELAIS_CMS_PORT?.trim() || defaultLocalPort}/api/v1`,
          branch,
        };
      case 'github':
        return {
          name: 'github',
          repo: required(env, 'RELAIS_CMS_REPO', name),
          branch,
          ...optional('base_url', env.RELAIS_CMS_BASE_URL),
          ...optional('auth_endpoint', env.RELAIS_CMS_AUTH_ENDPOINT),
          ...optional('api_root', env.RELAIS_CMS_API_ROOT),
        };
      case 'gitlab': {
        const base = origin(required(env, 'RELAIS_CMS_BASE_URL', name));
        return {
          name: 'gitlab',
          repo: required(env, 'RELAIS_CMS_REPO', name),
          branch,
          auth_type: 'pkce',
          app_id: required(env, 'RELAIS_CMS_APP_ID', name),
          base_url: base,
          api_root: env.RELAIS_CMS_API_ROOT?.trim() || `${base}/api/v4`,
        };
      }
      case 'gitea': {
        const base = origin(required(env, 'RELAIS_CMS_BASE_URL', name));
        return {
          name: 'gitea',
          repo: required(env, 'RELAIS_CMS_REPO', name),
          branch,
          app_id: required(env, 'RELAIS_CMS_APP_ID', name),
          base_url: base,
          api_root: env.RELAIS_CMS_API_ROOT?.trim() || `${base}/api/v1`,
        };
      }
    }
  })();
  return { backend, publish_mode: publishMode(name, env.RELAIS_CMS_WORKFLOW?.trim()) };
}

/**
 * Draft → in review → ready (`editorial_workflow`) where Decap supports it: GitHub and GitLab
 * (one branch and merge request per entry). Decap's Gitea backend refuses it; the local
 * decap-server offers it only in its `MODE=git`, so locally it is opt-in.
 */
function publishMode(name: BackendName, wanted: string | undefined): 'simple' | 'editorial_workflow' {
  const supported = name === 'github' || name === 'gitlab' || name === 'local';
  if (wanted && wanted !== 'simple' && wanted !== 'editorial')
    throw new Error(`RELAIS_CMS_WORKFLOW=${wanted} : valeurs possibles simple, editorial`);
  if (wanted === 'editorial' && !supported)
    throw new Error(`le backend ${name} de Decap ne gère pas le circuit de relecture (RELAIS_CMS_WORKFLOW=editorial)`);
  const editorial = wanted ? wanted === 'editorial' : name === 'github' || name === 'gitlab';
  return editorial ? 'editorial_workflow' : 'simple';
}
