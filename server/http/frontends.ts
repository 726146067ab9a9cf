import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The two frontends, built by Vite into dist/: /widget/, /settings/ and their hashed /assets/.
 * The build leaves a brotli and a gzip copy beside each text file (vite.config.ts); each request
 * gets the one its Accept-Encoding allows, brotli first, else the file as it is.
 */
export function builtFrontends(distDir: string): Router {
  const router = Router();
  router.use('/assets', precompressed(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y' }));
  for (const app of ['widget', 'settings']) {
    // Pages are revalidated (ETag, Last-Modified) each time: they name the current hashed assets.
    router.use(`/${app}`, precompressed(path.join(distDir, app), { maxAge: 0 }));
  }
  return router;
}

/**
 * express-static-gzip: serve-static (so send's ETag, Last-Modified, 304s, HEAD and Range) on the
 * compressed file, with Content-Encoding, Vary: Accept-Encoding and the original's Content-Type.
 * It lists the compressed files once, here; a file gone since (dist/ rebuilt under a running app)
 * falls through to the 404 as before, without the encoding it was about to be sent with.
 */
function precompressed(
  root: string,
  serveStatic: expressStaticGzip.ExpressStaticGzipOptions['serveStatic'],
): RequestHandler {
  const serve = expressStaticGzip(root, { enableBrotli: true, orderPreference: ['br', 'gzip'], serveStatic });
  return (req, res, next) =>
    serve(req, res, (err?: unknown) => {
      if (!err && !res.headersSent) {
        res.removeHeader('Content-Encoding');
        res.removeHeader('Content-Type');
      }
      next(err);
    });
}
