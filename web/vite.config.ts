import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

/** The web app: built into web/dist, which the platform serves at `/`. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // the app imports pure code from src/model and the region outline from data/reference
    fs: { allow: [repo] },
    proxy: { '/api': process.env.DIGICLUSTER_API ?? 'http://127.0.0.1:8080' },
  },
});
