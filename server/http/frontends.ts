import path from 'node:path';
import express, { Router } from 'express';

/** The two frontends, built by Vite into dist/: /widget/, /settings/ and their hashed /assets/. */
export function builtFrontends(distDir: string): Router {
  const router = Router();
  router.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y' }));
  for (const app of ['widget', 'settings']) {
    router.use(`/${app}`, express.static(path.join(distDir, app), { maxAge: 0 }));
  }
  return router;
}
