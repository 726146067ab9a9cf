import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Alias } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = import.meta.dirname;
const page = (name: string): string => path.join(root, name, 'index.html');

/**
 * The widget's build runs on Preact's React layer (preact/compat), not React: the Chat Details widget
 * opens beside every chat, and React DOM is most of what its first script has to fetch, parse and run
 * before the Agent App can connect (measured in Chromium, the records showed about 40 ms sooner; see
 * bench/widget.bench.ts). The widget uses only what preact/compat implements (hooks,
 * useSyncExternalStore, lazy and Suspense, createRoot) and none of the design system's React
 * components (see widget/lite.tsx). The settings app keeps React, which the design system's
 * components are built for.
 */
const preactForReact: Alias[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react(-dom)?$/, replacement: 'preact/compat' },
];

/**
 * accounts-sdk's `qs`, the frontends' only one, answered by the browser's URLSearchParams (see
 * ui/auth/accountsSdkQs.ts): qs and what it brings were a fifth of the widget's first script.
 */
const accountsSdkQs: Alias = { find: /^qs$/, replacement: path.join(root, 'ui/auth/accountsSdkQs.ts') };

// Two pages, two builds into one dist/: the Settings app (`vite build`, React), then the Chat Details
// widget (`vite build --mode widget`, on Preact; `npm run build` runs both, scripts/buildFrontends.ts).
// The server serves dist/widget/, dist/settings/ and the shared hashed dist/assets/, each text file with
// a brotli (.br) and a gzip (.gz) copy beside it (server/http/frontends.ts picks one per request). The
// dev server (`npm run dev`) serves both pages from the sources, on React.
export default defineConfig(({ command, mode }) => {
  const widget = mode === 'widget';
  return {
    root,
    plugins: [
      react(),
      // Only when building: the plugin wraps process.stdout.write as soon as it is created (to hold
      // Vite's "built in" line until it has listed its files), which the dev server must not have.
      ...(command === 'build'
        ? [
            compression({
              algorithms: ['brotliCompress', 'gzip'], // each at its highest level (the plugin's default)
              include: /\.(js|css|html|svg)$/, // fonts and images are compressed formats already
              threshold: 1024, // below a kilobyte the saving is a few hundred bytes in the same packet
            }),
          ]
        : []),
    ],
    resolve: { alias: widget ? [accountsSdkQs, ...preactForReact] : [accountsSdkQs] },
    build: {
      outDir: path.join(root, 'dist'),
      // The widget's build adds its page and assets beside the settings' (hashed names do not meet).
      emptyOutDir: !widget,
      rolldownOptions: {
        input: { [widget ? 'widget' : 'settings']: page(widget ? 'widget' : 'settings') },
      },
    },
  };
});
