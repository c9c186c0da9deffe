// The full chat page (React). `npm start` builds it into web/dist; the widget has its own config.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // No source maps in the build: the server publishes what is in dist, and maps would publish the sources.
  build: { outDir: 'dist', emptyOutDir: false, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/health': 'http://127.0.0.1:8787' } },
});
