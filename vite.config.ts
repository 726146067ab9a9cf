import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = import.meta.dirname;

// Two pages, one build: the Chat Details widget and the Settings app. The server serves
// dist/widget/, dist/settings/ and the shared hashed dist/assets/, each text file with a brotli
// (.br) and a gzip (.gz) copy beside it (server/http/frontends.ts picks one per request).
export default defineConfig(({ command }) => ({
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
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        widget: path.join(root, 'widget/index.html'),
        settings: path.join(root, 'settings/index.html'),
      },
    },
  },
}));
