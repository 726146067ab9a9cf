import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// Two pages, one build: the Chat Details widget and the Settings app. The server serves
// dist/widget/, dist/settings/ and the shared hashed dist/assets/.
export default defineConfig({
  root,
  plugins: [react()],
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
});
