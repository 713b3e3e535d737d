import { describe, expect, it } from 'vitest';
import { cmsBackend } from '../../../admin/config/backend.ts';

describe('backend from the environment', () => {
  it('defaults to the local decap-server on 127.0.0.1, without review workflow', () => {
    expect(cmsBackend({})).toEqual({
      backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1', branch: 'main' },
      publish_mode: 'simple',
    });
    expect(cmsBackend({ RELAIS_CMS_PORT: '9000' }).backend.proxy_url).toBe('http://127.0.0.1:9000/api/v1');
    expect(cmsBackend({ RELAIS_CMS_WORKFLOW: 'editorial' }).publish_mode).toBe('editorial_workflow');
  });

  it('GitHub, with the editorial workflow', () => {
    expect(
      cmsBackend({
        RELAIS_CMS_BACKEND: 'github',
        RELAIS_CMS_REPO: 'ligeral/relais',
        RELAIS_CMS_BASE_URL: 'https://auth.exemple.fr',
      }),
    ).toEqual({
      backend: { name: 'github', repo: 'ligeral/relais', branch: 'main', base_url: 'https://auth.exemple.fr' },
      publish_mode: 'editorial_workflow',
    });
  });

  it('self-managed GitLab with PKCE', () => {
    expect(
      cmsBackend({
        RELAIS_CMS_BACKEND: 'gitlab',
        RELAIS_CMS_REPO: 'com/relais',
        RELAIS_CMS_BASE_URL: 'https://git.exemple.fr/',
        RELAIS_CMS_APP_ID: 'abc',
        RELAIS_CMS_BRANCH: 'contenu',
      }),
    ).toEqual({
      backend: {
        name: 'gitlab',
        repo: 'com/relais',
        branch: 'contenu',
        auth_type: 'pkce',
        app_id: 'abc',
        base_url: 'https://git.exemple.fr',
        api_root: 'https://git.exemple.fr/api/v4',
      },
      publish_mode: 'editorial_workflow',
    });
  });

  it('Gitea, which Decap supports without the review workflow', () => {
    const env = {
      RELAIS_CMS_BACKEND: 'gitea',
      RELAIS_CMS_REPO: 'com/relais',
      RELAIS_CMS_BASE_URL: 'https://gitea.exemple.fr',
      RELAIS_CMS_APP_ID: 'id',
    };
    expect(cmsBackend(env)).toMatchObject({
      backend: { name: 'gitea', api_root: 'https://gitea.exemple.fr/api/v1' },
      publish_mode: 'simple',
    });
    expect(() => cmsBackend({ ...env, RELAIS_CMS_WORKFLOW: 'editorial' })).toThrow(
      'ne gère pas le circuit de relecture',
    );
  });

  it('names the missing or wrong variable', () => {
    expect(() => cmsBackend({ RELAIS_CMS_BACKEND: 'gitlab', RELAIS_CMS_REPO: 'a/b' })).toThrow(
      'RELAIS_CMS_BACKEND=gitlab demande aussi RELAIS_CMS_BASE_URL',
    );
    expect(() => cmsBackend({ RELAIS_CMS_BACKEND: 'svn' })).toThrow('RELAIS_CMS_BACKEND=svn inconnu');
  });
});
